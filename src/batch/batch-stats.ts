import type { Explanation } from '../explanation/explanation-schema.js';
import { LlmCallCounts } from '../llm/llm-call-counts.js';
import type { ExplainedBy, SinkRecord } from './batch-record.js';

/** Running counts of a batch job, for progress, the summary and the Navigator layer. */
export class BatchStats {
  readonly startedAt: number;
  /** Alerts handled in this run, by outcome. */
  explained = 0;
  failed = 0;
  readonly explainedBy: Record<ExplainedBy, number> = { backend: 0, template: 0, cache: 0 };
  /** Alerts found finished in the output of an earlier run and skipped. */
  resumed = 0;
  groups = 0;
  /** Drafts the backend delivered for this run's templates and alerts, one per successful backend call. */
  backendCalls = 0;
  /** Requests sent to a model server, successful or not, for backends that call one. */
  readonly llmCalls = new LlmCallCounts();
  promptTokens = 0;
  completionTokens = 0;
  /** Backend drafts that the backend replaced with the offline composer, such as after LLM errors. */
  fallbacks = 0;
  /** Alerts per technique ID, over this run and the resumed output. */
  readonly techniqueCounts = new Map<string, number>();
  /** Alerts per failure message, with the message's position prefix removed. */
  readonly failureCounts = new Map<string, number>();

  constructor(now: number = Date.now()) {
    this.startedAt = now;
  }

  /** Counts a record written in this run, or one found in the output when `resumed`. */
  record(record: SinkRecord, resumed = false): void {
    if (record.status === 'group') {
      this.groups += 1;
      return;
    }
    if (resumed) this.resumed += 1;
    if (record.status === 'failed') {
      if (!resumed) this.failed += 1;
      const reason = record.error.replace(/^\S+?: /, '');
      this.failureCounts.set(reason, (this.failureCounts.get(reason) ?? 0) + 1);
      return;
    }
    if (!resumed) {
      this.explained += 1;
      this.explainedBy[record.explainedBy] += 1;
    }
    for (const id of record.techniqueIds) this.techniqueCounts.set(id, (this.techniqueCounts.get(id) ?? 0) + 1);
  }

  /** Counts one backend draft and its tokens. */
  draft(explanation: Explanation): void {
    this.backendCalls += 1;
    this.promptTokens += explanation.metadata.promptTokens ?? 0;
    this.completionTokens += explanation.metadata.completionTokens ?? 0;
    if (explanation.metadata.fallbackReason) this.fallbacks += 1;
  }

  /** Alerts handled in this run. */
  get handled(): number {
    return this.explained + this.failed;
  }

  /** Share of this run's explained alerts served without a backend call, from 0 to 1. */
  get reuseRate(): number {
    return this.explained === 0 ? 0 : (this.explainedBy.template + this.explainedBy.cache) / this.explained;
  }

  /** Techniques by alert count, most frequent first. */
  topTechniques(limit: number): [string, number][] {
    return [...this.techniqueCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  }

}
