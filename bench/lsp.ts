// A minimal LSP client over a child process's stdio, for timing: it stamps the moment a message
// is written (after it is serialised) and the moment each publishDiagnostics arrives, answers the
// requests a real editor answers, and reads the server's peak RSS from /proc.
import { ChildProcess, spawn } from 'child_process';
import { readFileSync } from 'fs';
import { performance } from 'perf_hooks';

export interface Published {
  at: number;
  uri: string;
  version?: number;
  count: number;
  errors: number;
}

export interface ServerSpec {
  name: string;
  command: string[];
  /** Answers one workspace/configuration item. */
  configuration(item: { section?: string; scopeUri?: string }): unknown;
  /** The delay the server waits after a change before validating (reported beside the latency). */
  changeDebounceMs: number;
  /** The delay after didOpen. */
  openDebounceMs: number;
  /** Whether the server asks for its settings right after start-up (else: when it first needs them). */
  pullsSettingsOnStart: boolean;
}

type Pending = { resolve: (value: unknown) => void; reject: (err: Error) => void };

export class LspClient {
  readonly child: ChildProcess;
  readonly published: Published[] = [];
  configurationRequests = 0;
  stderr = '';
  private buffer: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private waiters: (() => void)[] = [];
  private exited = false;

  constructor(readonly spec: ServerSpec) {
    this.child = spawn(spec.command[0], spec.command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 20_000) this.stderr += chunk.toString();
    });
    this.child.on('exit', () => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error(`${spec.name} exited; stderr: ${this.stderr.slice(-2000)}`));
      this.pending.clear();
      this.wake();
    });
    this.child.stdin!.on('error', () => undefined);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Peak resident set size in bytes (VmHWM), read while the process is alive. */
  peakRss(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      return m ? Number(m[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** CPU time used so far (user + system), in clock ticks; undefined once the process is gone. */
  cpuTicks(): number | undefined {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      return undefined;
    }
  }

  /** Resolves once the process has used no CPU for `quietMs` (start-up work done), or after `maxMs`. */
  async idle(quietMs = 300, maxMs = 15_000): Promise<number> {
    const started = performance.now();
    let last = this.cpuTicks();
    let quietSince = performance.now();
    while (performance.now() - started < maxMs) {
      await sleep(50);
      const now = this.cpuTicks();
      if (now === undefined) break;
      if (now !== last) {
        last = now;
        quietSince = performance.now();
      } else if (performance.now() - quietSince >= quietMs) {
        break;
      }
    }
    return performance.now() - started;
  }

  /** Writes a message; returns the time just after the bytes were handed to the pipe. */
  private write(message: object): number {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    const header = Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii');
    const frame = Buffer.concat([header, body]);
    const at = performance.now();
    this.child.stdin!.write(frame);
    return at;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.write({ id, method, params });
    });
  }

  /** Sends a notification; returns the moment it was written. */
  notify(method: string, params: unknown): number {
    return this.write({ method, params });
  }

  private receive(chunk: Buffer): void {
    const at = performance.now();
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`bad header from ${this.spec.name}: ${header}`);
      const length = Number(m[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(JSON.parse(body) as Message, at);
    }
  }

  private dispatch(message: Message, at: number): void {
    if (message.method === undefined) {
      const p = this.pending.get(message.id as number);
      if (!p) return;
      this.pending.delete(message.id as number);
      if (message.error) p.reject(new Error(`${this.spec.name}: ${JSON.stringify(message.error)}`));
      else p.resolve(message.result);
      return;
    }
    if (message.id !== undefined) {
      this.write({ id: message.id, result: this.answer(message.method, message.params) });
      this.wake();
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const params = message.params as { uri: string; version?: number; diagnostics: { severity?: number }[] };
      const errors = params.diagnostics.filter((d) => d.severity === 1 || d.severity === undefined).length;
      this.published.push({ at, uri: params.uri, version: params.version, count: params.diagnostics.length, errors });
      this.wake();
    }
  }

  private answer(method: string, params: unknown): unknown {
    switch (method) {
      case 'workspace/configuration': {
        this.configurationRequests++;
        const items = (params as { items: { section?: string; scopeUri?: string }[] }).items;
        return items.map((item) => this.spec.configuration(item));
      }
      default:
        return null; // registerCapability, workDoneProgress/create, showMessageRequest…
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  waitFor<T>(what: string, found: () => T | undefined, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.spec.name}: timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
      const check = () => {
        const value = found();
        if (value !== undefined) {
          clearTimeout(timer);
          resolve(value);
        } else if (this.exited) {
          clearTimeout(timer);
          reject(new Error(`${this.spec.name} exited while waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`));
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  async initialize(rootUri: string): Promise<void> {
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
          applyEdit: true,
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
        },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true, dataSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    this.notify('initialized', {});
    // Like VS Code: announce settings, which makes a pulling server ask for them.
    this.notify('workspace/didChangeConfiguration', { settings: null });
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    try {
      await Promise.race([this.request('shutdown', null), sleep(5000)]);
      this.notify('exit', null);
    } catch {
      // gone already
    }
    await Promise.race([new Promise<void>((resolve) => (this.exited ? resolve() : this.child.once('exit', () => resolve()))), sleep(5000)]);
    if (!this.exited) this.child.kill('SIGKILL');
  }
}

interface Message {
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: unknown;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
