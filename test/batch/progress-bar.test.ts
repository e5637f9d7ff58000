import { describe, expect, it } from 'vitest';
import { BatchStats } from '../../src/batch/batch-stats.js';
import { formatProgressLine, startProgressBar } from '../../src/batch/progress-bar.js';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, columns: 120, write: (chunk: string) => chunks.push(chunk) > 0 } as unknown as NodeJS.WritableStream & { isTTY: boolean; chunks: string[] };
}

const source = { items: async function* () {}, progress: () => ({ bytesRead: 250, totalBytes: 1000 }) };

describe('startProgressBar', () => {
  it('writes nothing when not a terminal', () => {
    const output = stream(false);
    const bar = startProgressBar({ stream: output, source, stats: new BatchStats() });
    bar.render();
    bar.stop();
    expect(output.chunks).toEqual([]);
  });

  it('redraws one line on a terminal', () => {
    const output = stream(true);
    const bar = startProgressBar({ stream: output, source, stats: new BatchStats() });
    bar.render();
    bar.stop();
    expect(output.chunks[0]).toMatch(/^\r\u001b\[2K\[/);
    expect(output.chunks.at(-1)).toBe('\r\u001b[2K');
  });
});

describe('formatProgressLine', () => {
  it('shows rate, ETA, cache hits and failures', () => {
    const stats = new BatchStats(0);
    stats.explained = 900;
    stats.failed = 100;
    stats.explainedBy.template = 800;
    stats.explainedBy.cache = 50;
    const line = formatProgressLine(stats, { bytesRead: 250, totalBytes: 1000 }, 10, 200);
    expect(line).toBe('[########----------------------]  25% 1,000 alerts | 100/s | ETA 0:30 | cache hits 850 | failures 100');
  });

  it('shows elapsed time without a known total', () => {
    const stats = new BatchStats(0);
    stats.explained = 10;
    expect(formatProgressLine(stats, { bytesRead: 250 }, 5, 200)).toBe('10 alerts | 2/s | elapsed 0:05 | cache hits 0 | failures 0');
  });
});
