import type { TacticRecord, TechniqueRecord } from '../attack/attack-data.js';
import type { AttackIndex } from '../attack/attack-index.js';
import { splitSentences } from '../attack/clean-attack-text.js';
import type { Explanation, MitigationItem } from '../explanation/explanation-schema.js';
import { fillPlaceholders, needsMissingValue, type ComposeContext } from './compose-context.js';
import { tacticGuides } from './guides/tactic-guide.js';
import { techniqueGuides } from './guides/technique-guide.js';

const maxImmediate = 6;
const maxLongTerm = 5;
const maxBestPractices = 4;

function verifyAction(context: ComposeContext): string {
  if (context.source && context.target) {
    return `Find out whether the activity from ${context.source} to ${context.target} was planned, for example by asking the owners of both systems.`;
  }
  const one = context.source ?? context.target;
  return one
    ? `Find out whether the activity involving ${one} was planned, for example by asking the system's owner.`
    : 'Find out whether the reported activity was planned, for example by asking the owners of the systems involved.';
}

function techniqueActions(technique: TechniqueRecord, context: ComposeContext): string[] {
  const guide = techniqueGuides[technique.id] ?? (technique.parentId ? techniqueGuides[technique.parentId] : undefined);
  return (guide?.immediate ?? [])
    .filter((template) => !needsMissingValue(template, context))
    .map((template) => fillPlaceholders(template, context));
}

/** Points to the complete record when the alert arrived cut short, before anything else is decided. */
function completeRecordAction(context: ComposeContext): string[] {
  const { truncated, originalLog, sensorHost } = context.alert;
  if (!truncated) return [];
  const log = originalLog ?? "the sensor's own log";
  const where = sensorHost ? ` on ${sensorHost}` : '';
  const cut = truncated.openPath ? ` after part of ${truncated.openPath}` : '';
  return [`Read the full event from ${log}${where}: the record received here was cut off${cut}, so some of its fields are missing.`];
}

/**
 * Orders immediate actions by urgency: confirm the activity, fetch the complete record when
 * this one was cut, act on the top technique, then on the account and hosts the alert names,
 * then on further techniques.
 */
function immediateActions(techniques: TechniqueRecord[], context: ComposeContext): MitigationItem[] {
  const [top, ...rest] = techniques;
  const actions = [verifyAction(context), ...completeRecordAction(context), ...(top ? techniqueActions(top, context).slice(0, 2) : [])];
  if (context.account) {
    actions.push(`Review recent logins and changes made by ${context.account}, and reset its password if the activity was not planned.`);
  }
  if (context.otherHosts.length > 0) {
    actions.push(`Collect the logs of ${context.otherHosts.slice(0, 3).join(', ')}, which the alert also names.`);
  }
  actions.push(...rest.flatMap((technique) => techniqueActions(technique, context).slice(0, 1)));
  const kept = [...new Set(actions)].slice(0, maxImmediate - 1);
  kept.push('Keep the alert and the related logs; they are evidence if this turns out to be an attack.');
  return kept.map((action) => ({ action }));
}

function firstSentence(text: string): string {
  return splitSentences(text)[0] ?? text;
}

function longTermActions(techniques: TechniqueRecord[], index: AttackIndex): MitigationItem[] {
  const items: MitigationItem[] = [];
  const seen = new Set<string>();
  for (const technique of techniques) {
    const linked = index.mitigationsFor(technique.id);
    for (const { mitigation, text } of linked) {
      if (seen.has(mitigation.id)) continue;
      seen.add(mitigation.id);
      const advice = firstSentence(text || mitigation.description);
      items.push({
        action: `${mitigation.name}: ${advice}`,
        mitigation: { id: mitigation.id, name: mitigation.name, url: mitigation.url },
      });
    }
  }
  return items.slice(0, maxLongTerm);
}

function bestPractices(tactics: TacticRecord[]): MitigationItem[] {
  const practices = tactics.flatMap((tactic) => tacticGuides[tactic.shortname]?.bestPractices ?? []);
  practices.push('Send security logs to one central place and keep them long enough to investigate past events.');
  return [...new Set(practices)].slice(0, maxBestPractices).map((action) => ({ action }));
}

/**
 * Recommends immediate actions that name the alert's own systems and accounts, long-term
 * measures from the ATT&CK mitigations linked to the explained techniques, and best practices
 * for their tactics.
 */
export function recommendMitigations(
  techniques: TechniqueRecord[],
  tactics: TacticRecord[],
  index: AttackIndex,
  context: ComposeContext,
): Explanation['mitigations'] {
  const longTerm = longTermActions(techniques, index);
  return {
    immediate: immediateActions(techniques, context),
    longTerm: longTerm.length > 0 ? longTerm : [{ action: 'Review how the affected systems are configured and who can reach them, and close the gap that allowed this activity.' }],
    bestPractices: bestPractices(tactics),
  };
}
