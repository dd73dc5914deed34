/** Parsers for command-line option values, shared by every command: a bad value is a usage error (exit 2). */
import { UsageError } from '../errors.js';

/** A repeatable option's values, in order. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function wholeNumber(name: string, min: number, what: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} must be ${what}, not "${value}".`);
    return n;
  };
}

/** A whole number above 0. */
export const positive = (name: string) => wholeNumber(name, 1, 'a whole number above 0');
/** A whole number, 0 or more. */
export const nonNegative = (name: string) => wholeNumber(name, 0, 'a whole number, 0 or more');
