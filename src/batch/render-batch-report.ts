import type { AttackIndex } from '../attack/attack-index.js';
import { renderMarkdown } from '../render/render-markdown.js';
import type { BatchStats } from './batch-stats.js';
import { describeLlmCalls } from './describe-llm-calls.js';
import { describeGroup } from './grouping-sink.js';
import { formatPosition } from './input-position.js';
import type { ReportCollector, ReportGroup } from './report-collector.js';

export interface RenderBatchReportOptions {
  collector: ReportCollector;
  stats: BatchStats;
  index: AttackIndex;
  backend: string;
  inputs: string[];
  generatedAt: Date;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

/** Pushes every Markdown heading of a rendered explanation down by `levels`. */
function demoteHeadings(markdown: string, levels: number): string {
  return markdown.replace(/^(#{1,6}) /gm, (_, hashes: string) => `${'#'.repeat(Math.min(6, hashes.length + levels))} `);
}

function techniqueTable(stats: BatchStats, index: AttackIndex): string[] {
  const rows = stats.topTechniques(Number.POSITIVE_INFINITY);
  if (rows.length === 0) return ['No alert was mapped to an ATT&CK technique.', ''];
  return [
    '| Technique | Name | Tactics | Alerts |',
    '| --- | --- | --- | ---: |',
    ...rows.map(([id, count]) => {
      const technique = index.technique(id);
      const tactics = technique ? index.tacticsOf(technique).map((tactic) => tactic.name).join(', ') : '';
      const name = technique ? `[${escapeCell(technique.displayName)}](${technique.url})` : '';
      return `| ${id} | ${name} | ${escapeCell(tactics)} | ${count} |`;
    }),
    '',
  ];
}

function groupSection(group: ReportGroup, number: number): string[] {
  const title = group.alert.ruleName ?? group.alert.description;
  const lines = [
    `### ${number}. ${escapeCell(title)} (${group.count === 1 ? '1 alert' : `${group.count} alerts`})`,
    '',
    `${describeGroup({ count: group.count, alert: { description: group.alert.description }, ...timeWindow(group) })} Fingerprint \`${group.fingerprint}\`; first alert at \`${formatPosition(group.firstPosition)}\`.`,
    '',
  ];
  if (!group.explanation) {
    lines.push(`The explanation of this group is not repeated here; see the output line for \`${formatPosition(group.firstPosition)}\`.`, '');
    return lines;
  }
  lines.push('Explanation of the first alert:', '', demoteHeadings(renderMarkdown(group.explanation), 3).trimEnd(), '');
  return lines;
}

function timeWindow(group: ReportGroup): { firstSeen?: string; lastSeen?: string } {
  return { ...(group.firstSeen ? { firstSeen: group.firstSeen } : {}), ...(group.lastSeen ? { lastSeen: group.lastSeen } : {}) };
}

/**
 * Renders the `--report` Markdown: the job's counts, alerts per technique, the most frequent
 * failures, then each fingerprint group, largest first, with its count, time window and the
 * explanation of its first alert, shown once per group.
 */
export function renderBatchReport({ collector, stats, index, backend, inputs, generatedAt }: RenderBatchReportOptions): string {
  const groups = [...collector.groups.values()].sort((a, b) => b.count - a.count);
  const explained = groups.reduce((sum, group) => sum + group.count, 0);
  const failed = [...stats.failureCounts.values()].reduce((sum, count) => sum + count, 0);
  const lines = [
    '# Alert batch report',
    '',
    `Generated ${generatedAt.toISOString()} by ids-explain (backend ${backend}) from ${inputs.length > 0 ? inputs.map((input) => `\`${input}\``).join(', ') : 'standard input'}, with ${index.release.label}.`,
    '',
    '## Summary',
    '',
    `- Alerts explained: ${explained}`,
    `- Alerts that failed: ${failed}`,
    `- Fingerprint groups: ${groups.length}`,
    `- Explanations drafted by the backend: ${stats.backendCalls} in this run`,
    ...(stats.llmCalls.sent > 0 ? [`- Requests to the model: ${describeLlmCalls(stats.llmCalls)}`] : []),
    '',
    '## Alerts per ATT&CK technique',
    '',
    ...techniqueTable(stats, index),
  ];
  const failures = [...stats.failureCounts].sort((a, b) => b[1] - a[1]);
  if (failures.length > 0) {
    lines.push('## Failures', '', '| Alerts | Reason |', '| ---: | --- |', ...failures.slice(0, 20).map(([reason, count]) => `| ${count} | ${escapeCell(reason)} |`), '');
  }
  lines.push('## Alert groups by fingerprint', '');
  groups.forEach((group, position) => lines.push(...groupSection(group, position + 1)));
  return `${lines.join('\n').trimEnd()}\n`;
}
