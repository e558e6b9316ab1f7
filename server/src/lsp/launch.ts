// How the language server's Node process is started: the extension (client/src/languageClient.ts)
// and the benchmark (bench/run.ts) both start it with these flags, so the benchmark measures the
// server as editors run it.

/**
 * V8's young generation may grow to 32 MiB per semi-space (Node 20's default is 16): a file's tree
 * survives its parse, and with the smaller space a fresh process spent a sixth of its first check
 * copying it between semi-spaces. Measured on the 5,000-commitment benchmark file with
 * `partnership check` (CPU time, 7 fresh processes each, load 8): 580 ms → 530 ms, peak RSS
 * 117 MB → 126 MB.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=32'];
