import { InvalidArgumentError } from "commander";

/**
 * A flag's parser for a whole number in [min, max]; anything else is bad usage (exit 2) with a message
 * that says what to give.
 */
export function wholeNumber(min: number, max = Number.POSITIVE_INFINITY): (value: string) => number {
  const wanted = Number.isFinite(max) ? ` from ${min} to ${max}` : `, ${min} or more`;
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`give a whole number${wanted}.`);
    return n;
  };
}
