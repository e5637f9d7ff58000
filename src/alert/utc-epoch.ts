/** Date and time parts as a timestamp writes them; months and days count from 1. */
export interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  milliseconds: number;
}

/** Tells whether a year of the proleptic Gregorian calendar has a 29 February. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Returns the number of days in a month (1 to 12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Length of 400 Gregorian years in milliseconds. */
const gregorianCycleMs = 146_097 * 24 * 60 * 60 * 1000;

function inRange(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Converts date and time parts read as UTC into epoch milliseconds. Returns undefined when a
 * part is out of range, such as month 13, 30 February or minute 61, because `Date.UTC` would
 * roll it into another date that the input never wrote. Hour 24 is accepted only as 24:00:00,
 * the end of the day, and rolls into the next day. Second 60 is accepted as a leap second and
 * rolls into the next minute.
 * Years 0 to 99 stay in the first century instead of becoming 1900 to 1999.
 */
export function utcEpoch(parts: DateTimeParts): number | undefined {
  const { year, month, day, hour, minute, second, milliseconds } = parts;
  const endOfDay = hour === 24 && minute === 0 && second === 0 && milliseconds === 0;
  const valid =
    inRange(year, 0, 9999) &&
    inRange(month, 1, 12) &&
    inRange(day, 1, daysInMonth(year, month)) &&
    (inRange(hour, 0, 23) || endOfDay) &&
    inRange(minute, 0, 59) &&
    inRange(second, 0, 60) &&
    inRange(milliseconds, 0, 999);
  if (!valid) return undefined;
  // Date.UTC reads years 0 to 99 as 1900 to 1999. The Gregorian calendar repeats every 400
  // years (146,097 days), so such a year is computed 400 years later and moved back.
  const shift = year < 100 ? 400 : 0;
  const epoch = Date.UTC(year + shift, month - 1, day, hour, minute, second, milliseconds);
  return epoch - (shift / 400) * gregorianCycleMs;
}
