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

/** Neo4j could not be reached or failed while a command ran. */
export class Neo4jError extends Report2GraphError {}

/** Output could not be written. */
export class OutputError extends Report2GraphError {}
