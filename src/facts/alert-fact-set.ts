import type { Alert } from '../alert/alert-schema.js';
import { extractDates, extractFacts } from './extract-facts.js';

function flattenValues(value: unknown, into: string[]): string[] {
  if (value === null || value === undefined) return into;
  if (typeof value === 'object') {
    for (const child of Object.values(value as Record<string, unknown>)) flattenValues(child, into);
  } else {
    into.push(String(value));
  }
  return into;
}

/** Joins every text of an alert: raw fields, normalised fields and the UTC timestamp. */
export function alertText(alert: Alert): string {
  const { raw, ...normalised } = alert;
  return [...flattenValues(raw, []), ...flattenValues(normalised, [])].join('\n');
}

/**
 * Facts that an explanation may state about an alert. Addresses must match exactly, host names
 * and accounts ignoring case, and ports, dates and times as the alert or its UTC timestamp
 * writes them.
 */
export class AlertFactSet {
  private readonly text: string;
  private readonly lowerText: string;
  // Only dates need the alert's own facts. They are found on first use, because batch jobs
  // build a fact set per alert and most checks never reach a date.
  private dates: string[] | undefined;

  constructor(alert: Alert, extraTexts: string[] = []) {
    this.text = [alertText(alert), ...extraTexts].join('\n');
    this.lowerText = this.text.toLowerCase();
  }

  /** Lists the facts of an output text that the alert (or the extra texts) does not contain. */
  unsupported(output: string): string[] {
    const found = extractFacts(output);
    const missing: string[] = [];
    for (const address of found.addresses) {
      if (!this.lowerText.includes(address.toLowerCase())) missing.push(address);
    }
    // ATT&CK's own site appears in every reference link and is not a claim about the alert.
    const hosts = found.hosts.filter((host) => host.toLowerCase() !== 'attack.mitre.org');
    for (const name of [...hosts, ...found.accounts]) {
      if (!this.lowerText.includes(name.toLowerCase())) missing.push(name);
    }
    for (const port of found.ports) {
      if (!new RegExp(`(?<![\\d.])${port}(?![\\d])`).test(this.text)) missing.push(`port ${port}`);
    }
    for (const date of found.dates) {
      this.dates ??= extractDates(this.text);
      if (!this.dates.includes(date)) missing.push(date);
    }
    for (const time of found.times) {
      if (!this.text.includes(time)) missing.push(time);
    }
    return missing;
  }
}
