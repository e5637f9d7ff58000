import type { SeverityLevel } from './alert-schema.js';

const namedLevels: Record<string, SeverityLevel> = {
  info: 'informational',
  informational: 'informational',
  information: 'informational',
  low: 'low',
  med: 'medium',
  medium: 'medium',
  moderate: 'medium',
  high: 'high',
  crit: 'critical',
  critical: 'critical',
  emergency: 'critical',
};

/**
 * Reads a severity written as a word ("crit", "med", "High", "informational") into the
 * common scale. Returns undefined for anything else, including numbers.
 */
export function severityFromName(text: string | undefined): SeverityLevel | undefined {
  if (text === undefined) return undefined;
  const key = text.trim().toLowerCase();
  // Own keys only, so that input such as "constructor" is not read from Object.prototype.
  return Object.hasOwn(namedLevels, key) ? namedLevels[key] : undefined;
}

/**
 * Reads a Snort or Suricata priority, where 1 is the most severe: 1 is high, 2 medium, 3 low
 * and 4 or more informational, as in their default classification files.
 */
export function severityFromPriority(priority: number | undefined): SeverityLevel | undefined {
  if (priority === undefined || !Number.isInteger(priority) || priority < 1) return undefined;
  if (priority === 1) return 'high';
  if (priority === 2) return 'medium';
  return priority === 3 ? 'low' : 'informational';
}
