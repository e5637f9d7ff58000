import type { AttackIndex } from '../attack/attack-index.js';
import type { TechniqueRecord } from '../attack/attack-data.js';
import type { Explanation } from '../explanation/explanation-schema.js';
import { describeTampering } from '../injection/describe-tampering.js';
import { capitalize, fillPlaceholders, type ComposeContext } from './compose-context.js';
import { describeAlertScope } from './describe-alert-scope.js';
import { findGlossaryTerms } from './find-glossary-terms.js';
import { tacticGuides } from './guides/tactic-guide.js';
import { techniqueGuides } from './guides/technique-guide.js';

/** Longest stretch of the alert's details repeated in the interpretation. */
const maxQuotedDetails = 450;
/** Maximum number of glossary terms explained; terms the summary uses come first. */
const maxExplainedTerms = 4;

function guideFor(technique: TechniqueRecord) {
  return techniqueGuides[technique.id] ?? (technique.parentId ? techniqueGuides[technique.parentId] : undefined);
}

function whatHappened(context: ComposeContext): string {
  const { alert } = context;
  const reporter = context.reporter ? `The security tool ${context.reporter}` : 'A security sensor';
  const target = context.targetCount ? `${context.targetCount} systems (${context.target})` : context.target;
  const between =
    context.source && target
      ? ` activity from ${context.source} to ${target}`
      : context.source
        ? ` activity from ${context.source}`
        : target
          ? ` activity involving ${target}`
          : ' activity';
  const over = alert.protocol ? ` over ${alert.protocol}` : '';
  // The time gets its own sentence: one long opening sentence is the hardest to read.
  const when = context.when ? ` It happened ${context.when}.` : '';
  return `${reporter} flagged${between}${over}.${when}`;
}

function whatItMeans(techniques: TechniqueRecord[], index: AttackIndex, context: ComposeContext): string[] {
  const top = techniques[0];
  if (!top) {
    return ['The alert could not be matched to a known attack technique with confidence, so treat it as unexplained activity that needs a closer look.'];
  }
  const guide = guideFor(top);
  const sentences = [
    guide
      ? `It looks like someone tried to ${fillPlaceholders(guide.plain, context)}.`
      : `This matches the attack technique "${top.displayName}" in MITRE ATT&CK.`,
  ];
  const goals = [...new Set(index.tacticsOf(top).map((tactic) => tacticGuides[tactic.shortname]?.goal).filter(Boolean))] as string[];
  // One goal per sentence keeps sentences short; a third goal adds little for the reader.
  if (goals[0]) sentences.push(`Attackers do this to ${goals[0]}.`);
  if (goals[1]) sentences.push(`It can also help them ${goals[1]}.`);
  return sentences;
}

function urgency(context: ComposeContext): string {
  const { severity: rating, severityLevel } = context.alert;
  const level = severityLevel && severityLevel !== rating?.toLowerCase() ? ` (${severityLevel} severity)` : '';
  const severity = rating ? ` The sensor rated it "${rating}"${level}.` : '';
  return `Treat it as a possible attack until someone confirms it was planned.${severity}`;
}

/** Cuts text to at most `max` characters at a line break or space, marking the cut with " ...". */
function clipAtBoundary(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const boundary = Math.max(head.lastIndexOf('\n'), head.lastIndexOf(' '));
  return `${boundary > max / 2 ? head.slice(0, boundary) : head} ...`;
}

function details(context: ComposeContext, notes: string[], summary: string): string {
  const { alert } = context;
  const parts = [`The sensor reported: "${alert.description}".`];
  if (alert.details) {
    const text = clipAtBoundary(alert.details, maxQuotedDetails);
    // Typographic quotes mark the alert's own words, which an attacker may have written.
    parts.push(`Details from the alert, as sent: “${text}”`);
  }
  const used = new Set(findGlossaryTerms(summary));
  const terms = findGlossaryTerms([summary, alert.description, alert.protocol, alert.details?.slice(0, 4000)].filter(Boolean).join(' '))
    .sort((a, b) => Number(used.has(b)) - Number(used.has(a)))
    .slice(0, maxExplainedTerms);
  if (terms.length > 0) {
    parts.push(`Terms used: ${terms.map((entry) => `${entry.term} is ${entry.meaning}`).join('; ')}.`);
  }
  for (const note of notes) parts.push(`Note: ${capitalize(note.replace(/[.\s]+$/, ''))}.`);
  return parts.join('\n');
}

/**
 * Writes the plain-language interpretation: who did what to which system and when, what the
 * top technique means in everyday words, why attackers do it, and how urgent it is. Details
 * quote the sensor's own words, explain up to four terms (those in the summary first) and
 * carry reading notes.
 */
export function interpretAlert(
  techniques: TechniqueRecord[],
  index: AttackIndex,
  context: ComposeContext,
  notes: string[],
): Explanation['interpretation'] {
  const tampering = context.findings.length > 0 ? [describeTampering(context.findings)] : [];
  const summary = [whatHappened(context), ...describeAlertScope(context.alert), ...whatItMeans(techniques, index, context), ...tampering, urgency(context)].join(' ');
  return { summary, details: details(context, notes, summary) };
}
