import type { Alert } from '../alert/alert-schema.js';
import { detectInstructions, type InstructionScan } from './detect-instructions.js';
import { describeField } from './describe-field.js';

/** One alert field that contains instruction-like text, withheld from mapping and drafting. */
export interface TamperingFinding {
  /** Field path as the input wrote it, such as "http.http_user_agent". */
  field: string;
  /** Plain name of the field, such as "User-Agent". */
  fieldName: string;
  /** Findings of the detector, in plain words. */
  signals: string[];
  /** Disguises undone before the text was found, such as base64. */
  hiddenBy: string[];
  /** Technique IDs that the text requests. A draft that cites them followed the text. */
  techniqueIds: string[];
}

export interface ScreenedAlert {
  /** The alert without the flagged values, with a note for each withheld field. */
  alert: Alert;
  findings: TamperingFinding[];
}

const withheldDescription = '(description withheld because its text tries to instruct automated tools)';

function collectStrings(value: unknown, path: string, into: { path: string; value: string }[]): void {
  if (typeof value === 'string') into.push({ path, value });
  else if (Array.isArray(value)) value.forEach((item) => collectStrings(item, path, into));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) collectStrings(child, path ? `${path}.${key}` : key, into);
  }
}

function withoutValues(value: unknown, hostile: Set<string>): unknown {
  if (typeof value === 'string') return hostile.has(value) ? undefined : value;
  if (Array.isArray(value)) return value.map((item) => withoutValues(item, hostile)).filter((item) => item !== undefined);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, child]) => [key, withoutValues(child, hostile)] as const);
    return Object.fromEntries(entries.filter(([, child]) => child !== undefined));
  }
  return value;
}

class ValueScanner {
  private readonly cache = new Map<string, InstructionScan>();
  scan(value: string): InstructionScan {
    let result = this.cache.get(value);
    if (!result) {
      result = detectInstructions(value);
      this.cache.set(value, result);
    }
    return result;
  }
}

function findHostileFields(alert: Alert, scanner: ValueScanner): { findings: TamperingFinding[]; hostile: Set<string> } {
  const fields: { path: string; value: string; normalised?: boolean }[] = [];
  collectStrings(alert.raw, '', fields);
  for (const name of ['description', 'ruleName', 'category', 'sensor'] as const) {
    const value = alert[name];
    if (value !== undefined) fields.push({ path: name, value, normalised: true });
  }
  const findings = new Map<string, TamperingFinding>();
  const hostile = new Set<string>();
  for (const { path, value, normalised } of fields) {
    const scan = scanner.scan(value);
    // A normalised field repeats a raw value that is already reported under its input name.
    if (!scan.flagged || (normalised && hostile.has(value.trim())) || findings.has(path)) continue;
    hostile.add(value);
    hostile.add(value.trim());
    findings.set(path, {
      field: path,
      fieldName: describeField(path),
      signals: scan.labels,
      hiddenBy: scan.hiddenBy,
      techniqueIds: scan.techniqueIds,
    });
  }
  return { findings: [...findings.values()], hostile };
}

function containsHostile(text: string, hostile: Set<string>, scanner: ValueScanner): boolean {
  if (hostile.has(text) || hostile.has(text.trim())) return true;
  for (const value of hostile) if (value.length >= 8 && text.includes(value.trim())) return true;
  return scanner.scan(text).flagged;
}

function screenDetails(details: string | undefined, hostile: Set<string>, scanner: ValueScanner): string | undefined {
  if (details === undefined) return undefined;
  let text = details;
  // A multi-line value spans several detail lines, and its lines need not look hostile one by
  // one, so the whole value is cut out before the line check.
  for (const value of hostile) if (value.trim().includes('\n')) text = text.split(value.trim()).join('');
  const kept = text.split('\n').filter((line) => !containsHostile(line, hostile, scanner));
  return kept.length > 0 ? kept.join('\n') : undefined;
}

function remainingText(alert: Alert): string {
  const values: { path: string; value: string }[] = [];
  const { raw, hosts: _hosts, users: _users, notes: _notes, ...normalised } = alert;
  collectStrings(raw, '', values);
  collectStrings(normalised, '', values);
  return values.map((entry) => entry.value).join('\n').toLowerCase();
}

function screenEndpoint(endpoint: Alert['source'], hostile: Set<string>, scanner: ValueScanner): Alert['source'] {
  const screened = { ...endpoint };
  for (const key of ['address', 'host', 'user'] as const) {
    const value = screened[key];
    if (value !== undefined && containsHostile(value, hostile, scanner)) delete screened[key];
  }
  return screened;
}

function withheldNote(finding: TamperingFinding): string {
  const hidden = finding.hiddenBy.length > 0 ? `, hidden with ${finding.hiddenBy.join(' and ')}` : '';
  return `the ${finding.fieldName} (${finding.field}) was left out because its text tries to instruct automated tools${hidden}`;
}

/**
 * Finds alert fields whose text tries to instruct an automated reader, and returns the alert
 * without those values. Raw fields, detail lines and endpoints with such text are dropped, and
 * so are hosts and accounts that only those values mentioned. A note names each withheld
 * field. Mapping, drafting and grounding then read the screened alert, so planted text cannot
 * steer them.
 */
export function screenAlert(alert: Alert): ScreenedAlert {
  const scanner = new ValueScanner();
  const { findings, hostile } = findHostileFields(alert, scanner);
  if (findings.length === 0) return { alert, findings };

  const keep = (value: string | undefined) => (value !== undefined && !containsHostile(value, hostile, scanner) ? value : undefined);
  const screened: Alert = {
    ...alert,
    description: keep(alert.description) ?? withheldDescription,
    source: screenEndpoint(alert.source, hostile, scanner),
    destination: screenEndpoint(alert.destination, hostile, scanner),
    attackIds: alert.attackIds.filter((value) => keep(value) !== undefined),
    attackTactics: alert.attackTactics.filter((value) => keep(value) !== undefined),
    raw: withoutValues(alert.raw, hostile) as Alert['raw'],
    notes: [...alert.notes, ...findings.map(withheldNote)],
  };
  for (const name of ['ruleName', 'ruleId', 'protocol', 'severity', 'sensor', 'category', 'timestampOriginal', 'details'] as const) {
    const value = name === 'details' ? screenDetails(alert.details, hostile, scanner) : keep(alert[name]);
    if (value === undefined) delete screened[name];
    else screened[name] = value;
  }
  const text = remainingText(screened);
  screened.hosts = alert.hosts.filter((host) => text.includes(host.toLowerCase()));
  screened.users = alert.users.filter((user) => text.includes(user.toLowerCase()));
  return { alert: screened, findings };
}
