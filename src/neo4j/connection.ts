/**
 * Connection settings, following Neo4j's conventions: NEO4J_URI (bolt://, neo4j://, neo4j+s:// …),
 * NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE. Building the settings does no I/O; `openDriver`
 * checks the server is there and says what to do when it is not.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { Neo4jError, UsageError } from '../errors.js';
import { withDefaults } from '../options.js';

export interface Neo4jSettings {
  uri: string;
  username: string;
  password: string;
  database: string | undefined;
  /** How long the driver retries a transaction on transient errors and lost connections. */
  retrySeconds: number;
}

export const DEFAULT_URI = 'bolt://127.0.0.1:7687';
/** How long a transaction is retried by default (load --retry-seconds). */
export const DEFAULT_RETRY_SECONDS = 30;
const SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Neo4jSettings> = {}): Neo4jSettings {
  const fromEnv: Neo4jSettings = {
    uri: env.NEO4J_URI || DEFAULT_URI,
    username: env.NEO4J_USERNAME || 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE || undefined,
    retrySeconds: DEFAULT_RETRY_SECONDS,
  };
  const settings = withDefaults(fromEnv, overrides);
  const scheme = /^([a-z0-9+]+):\/\//.exec(settings.uri)?.[1];
  if (!scheme || !SCHEMES.includes(scheme)) {
    throw new UsageError(`NEO4J_URI "${settings.uri}" is not a Neo4j address; use bolt://host:7687, neo4j://host:7687 or neo4j+s://host (Aura).`);
  }
  return settings;
}

export function createDriver(settings: Neo4jSettings): Driver {
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
    maxTransactionRetryTime: settings.retrySeconds * 1000,
    connectionAcquisitionTimeout: 20_000,
    disableLosslessIntegers: true,
    userAgent: 'report2graph',
  });
}

/** A driver to a server that answers; a clear error when it does not. */
export async function openDriver(settings: Neo4jSettings): Promise<Driver> {
  const driver = createDriver(settings);
  try {
    await driver.getServerInfo({ database: settings.database });
    return driver;
  } catch (error) {
    await driver.close();
    throw unreachable(settings, error);
  }
}

export function unreachable(settings: Neo4jSettings, error: unknown): Neo4jError {
  const code = (error as { code?: string }).code;
  const detail = (error as Error).message?.split('\n')[0] ?? String(error);
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return new Neo4jError(`Neo4j at ${settings.uri} refused the credentials of "${settings.username}"; set NEO4J_USERNAME and NEO4J_PASSWORD.`, { cause: error });
  }
  return new Neo4jError(
    `cannot reach Neo4j at ${settings.uri} (${detail}); start one with \`npm run neo4j\` or \`docker compose up -d\`, or set NEO4J_URI.`,
    { cause: error },
  );
}
