import type { AlertSource } from './alert-source.js';
import type { BatchStats } from './batch-stats.js';

export interface ProgressBarOptions {
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  source: AlertSource;
  stats: BatchStats;
  /** Milliseconds between redraws. */
  intervalMs?: number;
  now?: () => number;
}

export interface ProgressBar {
  /** Draws the current state once; the timer calls it too. */
  render(): void;
  /** Stops redrawing and clears the bar. */
  stop(): void;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Formats the one progress line: bar, counts, rate, ETA, reuse and failures. */
export function formatProgressLine(stats: BatchStats, progress: ReturnType<AlertSource['progress']>, elapsedSeconds: number, width = 80): string {
  const rate = elapsedSeconds > 0 ? stats.handled / elapsedSeconds : 0;
  const fraction = progress.totalBytes ? Math.min(1, progress.bytesRead / progress.totalBytes) : undefined;
  const eta = fraction && fraction > 0 ? (elapsedSeconds * (1 - fraction)) / fraction : Number.NaN;
  const reused = stats.explainedBy.template + stats.explainedBy.cache;
  const parts = [
    `${stats.handled.toLocaleString('en-US')} alerts`,
    `${Math.round(rate).toLocaleString('en-US')}/s`,
    fraction === undefined ? `elapsed ${formatDuration(elapsedSeconds)}` : `ETA ${formatDuration(eta)}`,
    `cache hits ${reused.toLocaleString('en-US')}`,
    `failures ${stats.failed.toLocaleString('en-US')}`,
  ];
  const text = parts.join(' | ');
  if (fraction === undefined) return text.slice(0, width - 1);
  const barWidth = Math.max(10, Math.min(30, width - text.length - 8));
  const filled = Math.round(fraction * barWidth);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%`;
  return `${bar} ${text}`.slice(0, width - 1);
}

/**
 * Starts a progress bar on a terminal stream, redrawn in place. Returns a bar that does
 * nothing when the stream is not a terminal, so logs and pipes never get control characters.
 */
export function startProgressBar({ stream, source, stats, intervalMs = 250, now = Date.now }: ProgressBarOptions): ProgressBar {
  if (!stream.isTTY) return { render() {}, stop() {} };
  const render = () => {
    const elapsed = (now() - stats.startedAt) / 1000;
    stream.write(`\r\u001b[2K${formatProgressLine(stats, source.progress(), elapsed, stream.columns ?? 80)}`);
  };
  const timer = setInterval(render, intervalMs);
  timer.unref();
  return {
    render,
    stop() {
      clearInterval(timer);
      stream.write('\r\u001b[2K');
    },
  };
}
