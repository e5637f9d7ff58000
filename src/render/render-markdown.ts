import type { Explanation, MitigationItem } from '../explanation/explanation-schema.js';
import { escapeMarkdown } from './escape-markdown.js';
import { plainStyle, type TerminalStyle } from './terminal-style.js';

function inline(text: string): string {
  return escapeMarkdown(text, 'inline');
}

function link(text: string, url: string): string {
  return `[${escapeMarkdown(text, 'link-text')}](${escapeMarkdown(url, 'link-destination')})`;
}

function mitigationLine(item: MitigationItem): string {
  if (!item.mitigation) return `- ${inline(item.action)}`;
  const { id, name, url } = item.mitigation;
  return `- ${inline(item.action)} (ATT&CK mitigation ${link(`${id} ${name}`, url)})`;
}

function section(title: string, style: TerminalStyle): string {
  return style.heading(`## ${title}`);
}

function techniquesSection(explanation: Explanation, style: TerminalStyle): string[] {
  if (explanation.techniques.length === 0) {
    return ['No ATT&CK technique could be matched to this alert with confidence.', ''];
  }
  return explanation.techniques.flatMap((technique) => [
    style.emphasis(`### ${inline(`${technique.id} ${technique.name}`)}`),
    '',
    `Tactics: ${technique.tactics.map((tactic) => inline(`${tactic.name} (${tactic.id})`)).join(', ') || 'none listed'}`,
    '',
    escapeMarkdown(technique.explanation, 'block'),
    '',
    `> ${inline(technique.attackQuote)}`,
    '',
    `Reference: ${link(technique.url, technique.url)}`,
    '',
  ]);
}

function footer(metadata: Explanation['metadata']): string[] {
  const model = metadata.model ? ` (${metadata.model})` : '';
  const summary = `${metadata.attackRelease} (${metadata.attackDomain}), backend ${metadata.backend}${model}, generated ${metadata.generatedAt}, alert fingerprint ${metadata.alertFingerprint}.`;
  return ['---', inline(summary), ...(metadata.notes ?? []).map((note) => `Note: ${inline(note)}`)];
}

/**
 * Renders an explanation as Markdown with four numbered sections and a metadata footer. Every
 * text is escaped, so that alert or ATT&CK text cannot add sections, links or terminal control
 * sequences.
 */
export function renderMarkdown(explanation: Explanation, style: TerminalStyle = plainStyle): string {
  const { interpretation, impact, mitigations, metadata } = explanation;
  const lines = [
    style.heading('# Alert explanation'),
    '',
    section('1. Interpretation', style),
    '',
    escapeMarkdown(interpretation.summary, 'block'),
    ...(interpretation.details ? ['', escapeMarkdown(interpretation.details, 'block')] : []),
    '',
    section('2. ATT&CK techniques', style),
    '',
    ...techniquesSection(explanation, style),
    section('3. Potential impact', style),
    '',
    `- **Data breach:** ${inline(impact.dataBreach)}`,
    `- **Service disruption:** ${inline(impact.serviceDisruption)}`,
    `- **Financial impact:** ${inline(impact.financial)}`,
    `- **Reputational damage:** ${inline(impact.reputational)}`,
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
    ...footer(metadata),
  ];
  return `${lines.join('\n')}\n`;
}
