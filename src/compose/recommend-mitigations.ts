import type { TacticRecord, TechniqueRecord } from '../attack/attack-data.js';
import type { AttackIndex } from '../attack/attack-index.js';
import { splitSentences } from '../attack/clean-attack-text.js';
import type { Explanation, MitigationItem } from '../explanation/explanation-schema.js';
import { tamperingAction } from '../injection/describe-tampering.js';
import { reportsFailedLoginsOnly } from './describe-alert-scope.js';
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

/** Matches alert text saying that the account tried does not exist on the target. */
const missingAccountPattern = /\b(?:invalid|illegal|unknown|non-?existent) (?:user|account)s?\b/i;

/**
 * Words the account action for the situation: a login guessed against a name that does not
 * exist has no password to reset, while a real account may have been used by someone else.
 */
function accountAction(context: ComposeContext): string {
  const { alert } = context;
  const text = [alert.description, alert.details].filter(Boolean).join('\n');
  if (reportsFailedLoginsOnly(alert) && missingAccountPattern.test(text)) {
    return `Check that no account named ${context.account} exists or gets created on the targeted system; the alert says the login attempts used account names that do not exist there.`;
  }
  if (reportsFailedLoginsOnly(alert)) {
    return `Check the recent logins of ${context.account}; if any succeeded from an unexpected place, reset its password.`;
  }
  return `Review recent logins and changes made by ${context.account}, and reset its password if the activity was not planned.`;
}

/**
 * Orders immediate actions by urgency: confirm the activity, fetch the complete record when
 * this one was cut, act on the top technique, then on the account and hosts the alert names,
 * then on further techniques.
 */
function immediateActions(techniques: TechniqueRecord[], context: ComposeContext): MitigationItem[] {
  const [top, ...rest] = techniques;
  const tampering = context.findings.length > 0 ? [tamperingAction(context.findings)] : [];
  const actions = [verifyAction(context), ...completeRecordAction(context), ...tampering, ...(top ? techniqueActions(top, context).slice(0, 2) : [])];
  if (context.account) actions.push(accountAction(context));
  if (context.otherHosts.length > 0) {
    actions.push(`Collect the logs of ${context.otherHosts.slice(0, 3).join(', ')}, which the alert also names.`);
  }
  actions.push(...rest.flatMap((technique) => techniqueActions(technique, context).slice(0, 1)));
  const kept = [...new Set(actions)].slice(0, maxImmediate - 1);
  kept.push('Keep the alert and the related logs; they are evidence if this turns out to be an attack.');
  return kept.map((action) => ({ action }));
}

// ATT&CK's mitigation texts mix instructions with background; an instruction starts with a verb.
const instructionPattern =
  /^(?:Do not|Don't|Configure|Limit|Use|Enable|Ensure|Restrict|Monitor|Consider|Disable|Block|Audit|Apply|Require|Deploy|Implement|Remove|Prevent|Identify|Set|Patch|Update|Upgrade|Enforce|Review|Establish|Train|Filter|Segment|Isolate|Harden|Protect|Employ|Leverage|Mitigate|Regularly|Periodically|Change|Turn|Follow|Educate|Inspect|Allow|Deny|Close|Verify|Create|Maintain|Encrypt|Rotate|Reset)\b/;

// Advice phrased as what should or can be done, common in ATT&CK's technique-specific texts.
const advicePattern = /\b(?:should|must|can be (?:\w+ )?(?:audited|configured|monitored|restricted|disabled|blocked|prevented|limited|enforced|managed|removed|used to (?:prevent|block|limit|restrict|detect)))\b/i;

/**
 * Picks the advice to show for a mitigation: the first instruction or should/can-be sentence
 * of the link's text about this technique, else the first instruction of the mitigation's own
 * description, else the link's first sentence.
 */
function adviceSentence(linkText: string, description: string): string {
  const linkSentences = splitSentences(linkText);
  const fromLink = linkSentences.find((sentence) => instructionPattern.test(sentence) || advicePattern.test(sentence));
  const fromDescription = splitSentences(description).find((sentence) => instructionPattern.test(sentence));
  return fromLink ?? fromDescription ?? linkSentences[0] ?? description;
}

function longTermActions(techniques: TechniqueRecord[], index: AttackIndex): MitigationItem[] {
  const items: MitigationItem[] = [];
  const seen = new Set<string>();
  for (const technique of techniques) {
    const linked = index.mitigationsFor(technique.id);
    for (const { mitigation, text } of linked) {
      if (seen.has(mitigation.id)) continue;
      seen.add(mitigation.id);
      const advice = adviceSentence(text, mitigation.description);
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
