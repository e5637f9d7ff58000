import { findTechniqueIds } from '../attack/technique-id.js';
import { InputError } from '../errors/input-error.js';
import { extractFacts } from '../facts/extract-facts.js';
import { alertSchema, type Alert, type AlertDraft } from './alert-schema.js';
import { describeOversize } from './describe-oversize.js';

/** Longest field, in bytes, that ids-explain reads at all. */
export const maxFieldBytes = 1024 * 1024;
/** Longest field, in characters, that reaches explanations and prompts; the rest is cut with a note. */
export const maxDisplayedFieldChars = 16 * 1024;

const tacticTagPattern = /^(?:attack|mitre)[._:-]([a-z][a-z-_ ]+)$/i;

function limitField(name: string, value: string | undefined, notes: string[], origin: string): string | undefined {
  if (value === undefined) return undefined;
  const bytes = Buffer.byteLength(value);
  if (bytes > maxFieldBytes) {
    throw new InputError(`${origin}: field "${name}" is ${describeOversize(bytes, maxFieldBytes)}`, {
      hint: 'Remove or shorten the payload before explaining the alert',
    });
  }
  if (value.length <= maxDisplayedFieldChars) return value;
  notes.push(
    `field "${name}" has ${value.length} characters; only the first ${maxDisplayedFieldChars} are used in the explanation`,
  );
  return `${value.slice(0, maxDisplayedFieldChars)} [cut]`;
}

function splitAttackValues(draft: AlertDraft): { ids: string[]; tactics: string[] } {
  const ids: string[] = [];
  const tactics = [...(draft.attackTactics ?? [])];
  for (const value of draft.attackIds ?? []) {
    if (findTechniqueIds(value).length > 0) ids.push(value);
    else if (tacticTagPattern.test(value.trim())) tactics.push(value.trim());
  }
  return { ids: [...new Set(ids)], tactics: [...new Set(tactics)] };
}

/**
 * Completes an adapter's draft into a validated Alert: fills empty defaults, caps huge
 * fields, separates tactic tags from technique IDs and collects the host names and accounts
 * that the text mentions. Throws InputError for a field over the size limit.
 */
export function makeAlert(draft: AlertDraft, origin: string): Alert {
  const notes = [...(draft.notes ?? [])];
  const description = limitField('description', draft.description, notes, origin) ?? '';
  const details = limitField('details', draft.details, notes, origin);
  const { ids, tactics } = splitAttackValues(draft);
  const textFacts = extractFacts([description, details ?? ''].join('\n'));

  const candidate = {
    ...draft,
    description,
    details,
    source: draft.source ?? {},
    destination: draft.destination ?? {},
    attackIds: ids,
    attackTactics: tactics,
    hosts: [...new Set([...(draft.hosts ?? []), ...textFacts.hosts])],
    users: [...new Set([...(draft.users ?? []), ...textFacts.accounts])],
    notes,
  };
  if (candidate.details === undefined) delete candidate.details;
  const result = alertSchema.safeParse(candidate);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(`${origin}: invalid alert field "${issue?.path.join('.')}": ${issue?.message}`);
  }
  return result.data as Alert;
}
