// How the server's process is started: the Node flags the editor (client/src/languageClient.ts)
// and the benchmark (bench/run.ts) both give it, so that what is measured is what users run.

/**
 * V8 flags for the server process.
 *
 * `--min-semi-space-size=16` starts V8's young generation at the size it grows to anyway (16 MiB
 * per semi-space, Node 20's default maximum) instead of 1 MiB. Opening a file builds a tree that
 * survives whole, and a young generation that starts small is scavenged over and over while it
 * grows, copying that tree each time: a fresh server's first open of a 5,000-commitment file spent
 * about a quarter of its time in the garbage collector. With the flag the first open is ~12%
 * faster (bench/RESULTS.md item 13) and peak RSS is no higher (the maximum is unchanged).
 * A flag V8 does not know is refused by Node at start, so only long-standing flags belong here.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=16'];
