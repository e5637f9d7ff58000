import type { MappingEvalReport } from './evaluate-mapping.js';

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function modeLine(report: MappingEvalReport): string {
  if (report.mode === 'grouped-cross-validation') {
    return `grouped ${report.folds}-fold cross-validation (${report.groups} groups of related rules, largest ${report.largestGroup})`;
  }
  return report.mode === 'examples' ? 'learning from separate labelled examples' : 'ATT&CK knowledge and lexicon only';
}

function metricLines(report: MappingEvalReport): string[] {
  return [
    `${'level'.padEnd(14)}${'precision'.padStart(10)}${'recall'.padStart(10)}${'F1'.padStart(10)}`,
    `${'exact'.padEnd(14)}${percent(report.exactPrecision).padStart(10)}${percent(report.exactRecall).padStart(10)}${percent(report.exactF1).padStart(10)}`,
    `${'parent'.padEnd(14)}${percent(report.parentPrecision).padStart(10)}${percent(report.parentRecall).padStart(10)}${percent(report.parentF1).padStart(10)}`,
    `${'hierarchical'.padEnd(14)}${percent(report.hierarchicalPrecision).padStart(10)}${percent(report.hierarchicalRecall).padStart(10)}${percent(report.hierarchicalF1).padStart(10)}`,
    `parent recall@5 ${percent(report.parentRecallAt5)}, @10 ${percent(report.parentRecallAt10)}; ${report.meanPredicted.toFixed(2)} techniques predicted per rule`,
  ];
}

/** Renders an evaluation report as plain text for a terminal: metrics, tactics, calibration and misses. */
export function renderMappingReport(report: MappingEvalReport): string {
  const skippedIds = Object.entries(report.skippedIds)
    .sort((a, b) => b[1] - a[1])
    .map(([id, count]) => `${id} (${count})`)
    .join(', ');
  const lines = [
    `Technique mapping on ${report.n} rules, ${modeLine(report)}, ${report.release}`,
    `${report.skipped} rules skipped because a gold ID is not in the loaded release${skippedIds ? `: ${skippedIds}` : ''}`,
    '',
    ...metricLines(report),
    '',
    'Per tactic of the gold techniques (rules, hierarchical F1, parent recall@5):',
    ...report.perTactic.map((row) => `  ${row.tactic.padEnd(22)}${String(row.n).padStart(6)}${percent(row.hierarchicalF1).padStart(9)}${percent(row.parentRecallAt5).padStart(9)}`),
    '',
    `Reliability of the top 10 candidates per rule (expected calibration error ${report.expectedCalibrationError.toFixed(3)}):`,
    ...report.reliability
      .filter((bin) => bin.count > 0)
      .map((bin) => `  confidence ${bin.from.toFixed(1)}-${bin.to.toFixed(1)}: ${String(bin.count).padStart(6)} candidates, mean ${bin.meanConfidence.toFixed(2)}, right ${percent(bin.accuracy)}`),
    '',
    'Worst misses:',
    ...report.worstMisses.map(
      (miss) =>
        `  ${miss.title}\n    gold ${miss.gold.join(' ')}; predicted ${miss.predicted.join(' ') || 'nothing'}; ` +
        `first gold parent ${miss.firstGoldParentRank === null ? 'not ranked' : `at ${miss.firstGoldParentRank}`}\n    ${miss.description.replace(/\s+/g, ' ')}`,
    ),
    '',
    `Mapped ${report.n} rules in ${report.timing.mapMs} ms (${report.timing.rulesPerSecond} rules/s); building mappers took ${report.timing.buildMs} ms`,
  ];
  return `${lines.join('\n')}\n`;
}
