import type { Explanation, MitigationItem } from '../explanation/explanation-schema.js';
import { plainStyle, type TerminalStyle } from './terminal-style.js';

function mitigationLine(item: MitigationItem): string {
  if (!item.mitigation) return `- ${item.action}`;
  const { id, name, url } = item.mitigation;
  return `- ${item.action} (ATT&CK mitigation [${id} ${name}](${url}))`;
}

function section(title: string, style: TerminalStyle): string {
  return style.heading(`## ${title}`);
}

function techniquesSection(explanation: Explanation, style: TerminalStyle): string[] {
  if (explanation.techniques.length === 0) {
    return ['No ATT&CK technique could be matched to this alert with confidence.'];
  }
  return explanation.techniques.flatMap((technique) => [
    style.emphasis(`### ${technique.id} ${technique.name}`),
    '',
    `Tactics: ${technique.tactics.map((tactic) => `${tactic.name} (${tactic.id})`).join(', ') || 'none listed'}`,
    '',
    technique.explanation,
    '',
    `> ${technique.attackQuote}`,
    '',
    `Reference: [${technique.url}](${technique.url})`,
    '',
  ]);
}

/** Renders an explanation as Markdown with four numbered sections and a metadata footer. */
export function renderMarkdown(explanation: Explanation, style: TerminalStyle = plainStyle): string {
  const { interpretation, impact, mitigations, metadata } = explanation;
  const lines = [
    style.heading('# Alert explanation'),
    '',
    section('1. Interpretation', style),
    '',
    interpretation.summary,
    ...(interpretation.details ? ['', interpretation.details] : []),
    '',
    section('2. ATT&CK techniques', style),
    '',
    ...techniquesSection(explanation, style),
    section('3. Potential impact', style),
    '',
    `- **Data breach:** ${impact.dataBreach}`,
    `- **Service disruption:** ${impact.serviceDisruption}`,
    `- **Financial impact:** ${impact.financial}`,
    `- **Reputational damage:** ${impact.reputational}`,
    '',
    section('4. Mitigation', style),
    '',
    style.emphasis('### Immediate actions'),
    '',
    ...mitigations.immediate.map(mitigationLine),
    '',
    style.emphasis('### Long-term solutions'),
    '',
    ...mitigations.longTerm.map(mitigationLine),
    '',
    style.emphasis('### Best practices'),
    '',
    ...mitigations.bestPractices.map(mitigationLine),
    '',
    '---',
    `${metadata.attackRelease} (${metadata.attackDomain}), backend ${metadata.backend}${metadata.model ? ` (${metadata.model})` : ''}, generated ${metadata.generatedAt}, alert fingerprint ${metadata.alertFingerprint}.`,
  ];
  for (const note of metadata.notes ?? []) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}
