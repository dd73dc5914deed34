/**
 * The error family of report2graph. Every error a user can meet is one of these classes, so tests
 * check by class and the CLI prints `message` (one human sentence naming the call, the file and what
 * was expected) and maps the class to an exit code.
 */
export class Report2GraphError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The input file cannot be turned into text: empty, binary, undecodable, too large, unreadable. */
export class InputError extends Report2GraphError {
  constructor(
    message: string,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
export class EmptyInputError extends InputError {}
export class BinaryInputError extends InputError {}
export class UndecodableInputError extends InputError {}
export class InputTooLargeError extends InputError {}
export class NotChineseError extends InputError {}
export class TooDamagedError extends InputError {}

/** A value handed to a function or command does not have the expected form. */
export class UsageError extends Report2GraphError {}

/** A rule lexicon under data/extract/ breaks its schema: a bug in the rules, reported once, never per report. */
export class LexiconError extends Report2GraphError {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

/** A graph or graph file breaks the graph contract (src/graph/model.ts). */
export class GraphContractError extends Report2GraphError {}

/** A read-only query ran into its time limit and was stopped (a row limit only cuts an answer short). */
export class QueryTimeoutError extends UsageError {
  constructor(
    readonly seconds: number,
    options?: { cause?: unknown },
  ) {
    super(
      `query: stopped at the time limit of ${seconds} s (--timeout) before Neo4j had the answer. Ask a narrower question — a smaller depth, a more specific name, a LIMIT — or allow more time with --timeout.`,
      options,
    );
  }
}

/** The user stopped a command (Ctrl-C): what was done, and how to go on from there. Exit code 130. */
export class InterruptedError extends Report2GraphError {}

/** Neo4j could not be reached or failed while a command ran. */
export class Neo4jError extends Report2GraphError {}

/** Output could not be written. */
export class OutputError extends Report2GraphError {}

/** A corrections file that cannot be read, an entry of the wrong form, or two corrections that conflict. */
export class CorrectionsError extends Report2GraphError {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

/** The classes of the family by name, for errors that cross a worker thread (only data crosses). */
const FAMILY: Record<string, new (...args: never[]) => Error> = {
  Report2GraphError,
  InputError,
  EmptyInputError,
  BinaryInputError,
  UndecodableInputError,
  InputTooLargeError,
  NotChineseError,
  TooDamagedError,
  UsageError,
  LexiconError,
  GraphContractError,
  QueryTimeoutError,
  InterruptedError,
  Neo4jError,
  OutputError,
  CorrectionsError,
};
const BUILT_IN: Record<string, new (...args: never[]) => Error> = { Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError };

/** An error as data a worker can post: its class name, message, stack and the fields its class adds. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const k of ['file', 'seconds'] as const) if (k in error) fields[k] = (error as unknown as Record<string, unknown>)[k];
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}), fields };
}

/** The error a worker posted, as an instance of its own class (of the family or built in), with its stack. */
export function deserializeError(data: SerializedError): Error {
  const Class = FAMILY[data.name] ?? BUILT_IN[data.name] ?? Error;
  const error = Object.create(Class.prototype) as Error;
  const own = (value: unknown) => ({ value, writable: true, configurable: true, enumerable: false });
  Object.defineProperties(error, { name: own(data.name), message: own(data.message), stack: own(data.stack ?? `${data.name}: ${data.message}`) });
  for (const [k, v] of Object.entries(data.fields)) Object.defineProperty(error, k, { value: v, enumerable: true, configurable: true });
  return error;
}
