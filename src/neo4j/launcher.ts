/**
 * A real Neo4j Community 5.26 for tests and for users without Docker: built from Maven Central by Maven
 * (neo4j/pom.xml, every version pinned, the local Maven cache reused) and run on Java 17 with Bolt on
 * 127.0.0.1. The data lives in `home` and survives restarts. Auth is disabled: it only listens on loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Neo4jError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';

const MODULE = join(PACKAGE_ROOT, 'neo4j');
const CLASSPATH_FILE = join(MODULE, 'target', 'classpath.txt');
const MAIN_CLASS = join(MODULE, 'target', 'classes', 'report2graph', 'Neo4jServer.class');

export interface LaunchOptions {
  home: string;
  port: number;
  host?: string;
  /** Java heap, e.g. `2g`. */
  heap?: string;
  pagecache?: string;
  /** Called with every line Neo4j prints. */
  onLog?: (line: string) => void;
  /** How long to wait for the ready line (default 180 s). */
  timeoutMs?: number;
}

export interface RunningNeo4j {
  uri: string;
  process: ChildProcess;
  /** Stop with SIGTERM (a clean shutdown) or SIGKILL (a crash), and wait for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (error) => reject(new Neo4jError(`neo4j launcher: cannot run ${command} (${error.message}); install Java 17 and Maven.`, { cause: error })));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Build the launcher with Maven when it is missing or older than its pom; returns the Java classpath. */
export async function prepareLauncher(): Promise<string> {
  const pom = join(MODULE, 'pom.xml');
  const fresh = existsSync(CLASSPATH_FILE) && existsSync(MAIN_CLASS) && statSync(CLASSPATH_FILE).mtimeMs >= statSync(pom).mtimeMs;
  if (!fresh) {
    const r = await run('mvn', ['-q', '-B', 'compile', 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`], MODULE);
    if (r.code !== 0) {
      throw new Neo4jError(`neo4j launcher: Maven could not build neo4j/ (exit ${r.code}); check that Maven Central is reachable. Maven said: ${r.output.trim().split('\n').slice(-8).join(' | ')}`);
    }
  }
  return `${join(MODULE, 'target', 'classes')}:${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startNeo4j(options: LaunchOptions): Promise<RunningNeo4j> {
  const classpath = await prepareLauncher();
  const host = options.host ?? '127.0.0.1';
  const args = [
    `-Xmx${options.heap ?? '2g'}`,
    '-cp',
    classpath,
    'report2graph.Neo4jServer',
    '--home',
    options.home,
    '--host',
    host,
    '--port',
    String(options.port),
    '--pagecache',
    options.pagecache ?? '512m',
  ];
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let tail: string[] = [];
  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Neo4jError(`neo4j launcher: Neo4j did not start within ${(options.timeoutMs ?? 180_000) / 1000} s. Last output: ${tail.join(' | ')}`));
    }, options.timeoutMs ?? 180_000);
    const onLine = (line: string) => {
      options.onLog?.(line);
      tail = [...tail.slice(-7), line];
      const ready = /report2graph-neo4j ready (bolt:\/\/\S+)/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffer = '';
      stream.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const l of lines) onLine(l);
      });
    }
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Neo4jError(`neo4j launcher: cannot run java (${error.message}); install Java 17.`, { cause: error }));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Neo4jError(`neo4j launcher: Neo4j exited (code ${code}) before it was ready; is port ${options.port} free? Last output: ${tail.join(' | ')}`));
    });
  });
  return {
    uri,
    process: child,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}
