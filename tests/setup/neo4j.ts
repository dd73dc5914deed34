/**
 * Global test setup: a real Neo4j. With NEO4J_URI set, the tests use that server; otherwise a Neo4j
 * Community 5.26 is started from Maven Central artifacts for the run and stopped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startNeo4j, type RunningNeo4j } from '../../src/neo4j/launcher.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

let server: RunningNeo4j | undefined;
let home: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.NEO4J_URI) {
    project.provide('neo4jUri', process.env.NEO4J_URI);
    return;
  }
  home = mkdtempSync(join(tmpdir(), 'r2g-neo4j-'));
  server = await startNeo4j({ home, port: await freePort() });
  project.provide('neo4jUri', server.uri);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
}
