import { InputError } from '../errors/input-error.js';

/** Parses a whole-number option within a range; throws InputError naming the option otherwise. */
export function parseIntegerOption(name: string, value: string | undefined, range: { min: number; max: number }): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < range.min || number > range.max) {
    throw new InputError(`invalid ${name} "${value}"`, { hint: `Use a whole number from ${range.min} to ${range.max}` });
  }
  return number;
}

/** Checks that an option value is one of the choices; throws InputError listing them otherwise. */
export function parseChoiceOption<T extends string>(name: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw new InputError(`invalid ${name} "${value}"`, { hint: `Use one of: ${choices.join(', ')}` });
  }
  return value as T;
}

/** Parses a number option, such as seconds, within a range; throws InputError naming the option otherwise. */
export function parseNumberOption(name: string, value: string | undefined, range: { min: number; max: number }): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < range.min || number > range.max) {
    throw new InputError(`invalid ${name} "${value}"`, { hint: `Use a number from ${range.min} to ${range.max}` });
  }
  return number;
}
