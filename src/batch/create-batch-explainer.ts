import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Alert } from '../alert/alert-schema.js';
import { parseAlert } from '../alert/parse-alert.js';
import type { AttackIndex } from '../attack/attack-index.js';
import type { ExplanationBackend } from '../backends/explanation-backend.js';
import { exitCodes } from '../errors/ids-explain-error.js';
import { LlmRequestError } from '../errors/llm-request-error.js';
import { explainAlert } from '../explain/explain-alert.js';
import { fingerprintAlert } from '../explain/fingerprint-alert.js';
import type { Explanation } from '../explanation/explanation-schema.js';
import type { SharedBackoff } from '../llm/shared-backoff.js';
import type { Logger } from '../logging/logger.js';
import type { TechniqueMapper } from '../mapping/technique-mapping.js';
import { anySignal } from '../util/any-signal.js';
import type { SourceItem } from './alert-source.js';
import { summarizeAlert, type BatchResult, type ExplainedBy, type ExplainedResult, type FailedRecord } from './batch-record.js';
import { fillTemplate, type CompiledTemplate } from './compile-template.js';
import { makeExplanationTemplate, type ExplanationTemplate } from './explanation-template.js';
import { errorMessage } from './error-message.js';
import { formatPosition, type InputPosition } from './input-position.js';
import { JobStoppedError } from './job-stopped-error.js';
import type { TemplateStore } from './template-store.js';
import { tokenizeAlert, type TokenizedAlert } from './tokenize-alert.js';

export interface BatchExplainerOptions {
  index: AttackIndex;
  mapper: TechniqueMapper;
  backend: ExplanationBackend;
  store: TemplateStore;
  /** The job's limiter of backend calls: its size is the number of model requests in flight. */
  limiter: LimitFunction;
  backoff: SharedBackoff;
  maxTechniques: number;
  /** Value of `--input-format`. */
  inputFormat?: string;
  logger: Logger;
  signal?: AbortSignal;
  /**
   * When aborted, backend calls that have not started yet are dropped: their alerts get no
   * record and the job stops with a JobStoppedError once the calls in flight end.
   */
  skipQueued?: AbortSignal;
  /** Called with every explanation the backend drafted, to count calls and tokens. */
  onDraft?: (explanation: Explanation) => void;
  now?: () => Date;
}

/**
 * Explains one source item and returns its output record, directly when it can be finished
 * at once and as a promise otherwise. The promise rejects only with a backend configuration
 * error (a rejected API key, an unknown model), which would fail every later alert too, or
 * with a JobStoppedError for a call dropped by `skipQueued`.
 */
export type BatchExplainer = ((item: SourceItem) => BatchResult | Promise<BatchResult>) & {
  /** Tells whether drafts wait for a free slot, so that reading ahead would only add to them. */
  backlogged?: () => boolean;
};

/**
 * Creates the per-alert step of a batch job: parse, fingerprint, tokenize, then fill in the
 * template of the alert's template key, drafting it through the backend only when neither
 * this job nor the cache has it. Alerts whose template cannot be filled in are explained on
 * their own. Any failure becomes a failed record naming the alert's position.
 */
export function createBatchExplainer(options: BatchExplainerOptions): BatchExplainer {
  const { store, limiter, backoff, logger } = options;
  const now = options.now ?? (() => new Date());
  // Alerts filled in within the same millisecond share one ISO string instead of formatting it again.
  let lastTime = Number.NaN;
  let lastIso = '';
  const isoNow = (): string => {
    const date = now();
    if (date.getTime() !== lastTime) {
      lastIso = date.toISOString();
      lastTime = date.getTime();
    }
    return lastIso;
  };

  // The first configuration error, after which queued calls fail at once instead of sending
  // requests that the server would reject the same way.
  let configurationError: unknown;

  const throwIfStopped = () => {
    if (configurationError !== undefined) throw configurationError;
    if (options.skipQueued?.aborted) throw new JobStoppedError();
  };
  // With a send gate, the limiter covers only the model requests, and a limiter twice its size
  // covers the mapping and the draft. So prompts are ready when a request slot frees. Without
  // one, the limiter covers the mapping and the draft. Grounding runs after the draft. The
  // claim of a template runs in the draft's slot, so that a shared cache holds its lock while
  // the backend drafts the template, not while the draft waits.
  const sendGate = options.backend.usesSendGate
    ? <T>(send: () => Promise<T>) =>
        limiter(async () => {
          throwIfStopped();
          return send();
        })
    : undefined;
  const draftLimiter = sendGate ? pLimit(limiter.concurrency * 2) : limiter;
  // A stop ends the wait for the shared back-off too, which a 429's Retry-After can make long.
  const backoffSignal = anySignal(options.signal, options.skipQueued);

  const explain = async (alert: Alert, claim?: () => Promise<boolean>) => {
    const gate = async <T>(step: () => Promise<T>) => {
      const drafted = await draftLimiter(async () => {
        throwIfStopped();
        if (claim && !(await claim())) throw new TemplateNotClaimed();
        await backoff.wait(backoffSignal);
        return step();
      });
      // Grounding, and the alerts that wait for this template, run a turn of the event loop
      // later. Otherwise their work runs ahead of the next request, which a freed slot sends
      // through a chain of promises. With grounding first, that request left 2.3 ms after the
      // response instead of 1.2 ms.
      await nextTurn();
      return drafted;
    };
    const stopRetries = options.skipQueued ? { stopRetries: options.skipQueued } : {};
    const explanation = await explainAlert({ ...options, alert, logger, now, gate, ...(sendGate ? { sendGate } : {}), ...(options.signal ? { signal: options.signal } : {}), ...stopRetries }).catch((error: unknown) => {
      if (isConfigurationError(error)) configurationError ??= error;
      // A retry that the stop cut short leaves its alert without a record, so --resume redoes it.
      if (options.skipQueued?.aborted && (error as Error | undefined)?.name === 'AbortError') throw new JobStoppedError();
      throw error;
    });
    options.onDraft?.(explanation);
    return explanation;
  };

  const draftTemplate = async (tokens: TokenizedAlert, claim: () => Promise<boolean>): Promise<ExplanationTemplate | undefined> => {
    try {
      return makeExplanationTemplate(await explain(tokens.createTemplate(), claim), tokens.readableTokens);
    } catch (error) {
      if (error instanceof TemplateNotClaimed) return undefined;
      throw error;
    }
  };

  async function templateFor(tokens: TokenizedAlert, fingerprint: string): Promise<{ compiled: CompiledTemplate; by: ExplainedBy }> {
    const inProgress = store.draftInProgress(tokens.templateKey);
    if (inProgress) {
      const { template, drafted } = await inProgress;
      return { compiled: template, by: drafted ? 'template' : 'cache' };
    }
    const { template, drafted } = await store.track(tokens.templateKey, fingerprint, (claim) => draftTemplate(tokens, claim));
    return { compiled: template, by: drafted ? 'backend' : 'cache' };
  }

  function fill(alert: Alert, base: ResultBase, tokens: TokenizedAlert, compiled: CompiledTemplate, by: ExplainedBy): ExplainedResult | undefined {
    const generatedAt = isoNow();
    const explanationJson = fillTemplate({ compiled, alert, values: tokens.values, fingerprint: base.fingerprint, generatedAt });
    if (explanationJson !== undefined) return { ...base, explainedBy: by, explanationJson, techniqueIds: compiled.techniqueIds };
    logger.debug('alert %s: its template could not be filled in; explaining it on its own', formatPosition(base.position));
    return undefined;
  }

  /** Waits for or drafts the template, and explains the alert alone when it does not fit. */
  async function explainLater(alert: Alert, base: ResultBase, tokens: TokenizedAlert | undefined): Promise<ExplainedResult> {
    if (tokens) {
      const { compiled, by } = await templateFor(tokens, base.fingerprint);
      const result = fill(alert, base, tokens, compiled, by);
      if (result) return result;
    }
    const explanation = await explain(alert);
    const techniqueIds = explanation.techniques.map((technique) => technique.id);
    return { ...base, explainedBy: 'backend', explanationJson: JSON.stringify(explanation), techniqueIds };
  }

  const failedAlert = (alert: Alert, position: InputPosition, error: unknown): FailedRecord => {
    logger.debug('alert %s failed: %s', formatPosition(position), (error as Error).stack ?? String(error));
    return { ...failed(position, error), fingerprint: fingerprintAlert(alert) };
  };

  // Alerts whose template is at hand are finished synchronously: most alerts of a job take
  // this path, and skipping promises for them saves a measurable share of the work.
  const explainItem: BatchExplainer = (item) => {
    const { position } = item;
    if ('error' in item) return failed(position, item.error);
    let alert: Alert;
    try {
      alert = 'alert' in item ? item.alert : parseAlert(item.text, { origin: formatPosition(position), ...(options.inputFormat ? { format: options.inputFormat } : {}) });
    } catch (error) {
      return failed(position, error);
    }
    try {
      const base: ResultBase = { position, status: 'explained', fingerprint: fingerprintAlert(alert), alert: summarizeAlert(alert) };
      const tokens = tokenizeAlert(alert, base.fingerprint);
      const found = tokens && store.find(tokens.templateKey);
      const result = found ? fill(alert, base, tokens, found.template, found.origin) : undefined;
      return result ?? explainLater(alert, base, tokens).catch((error: unknown) => {
        if (isConfigurationError(error) || error instanceof JobStoppedError) throw error;
        return failedAlert(alert, position, error);
      });
    } catch (error) {
      return failedAlert(alert, position, error);
    }
  };
  explainItem.backlogged = () => draftLimiter.pendingCount > 0;
  return explainItem;
}

/** Raised in a limiter slot when another process has claimed the template to draft. */
class TemplateNotClaimed extends Error {}

/** Tells whether the backend rejected its configuration, so that retrying later alerts is pointless. */
function isConfigurationError(error: unknown): boolean {
  return error instanceof LlmRequestError && error.exitCode === exitCodes.usage;
}

type ResultBase = Pick<ExplainedResult, 'position' | 'status' | 'fingerprint' | 'alert'>;

function failed(position: InputPosition, error: unknown): FailedRecord {
  return { position, status: 'failed', error: errorMessage(error, position) };
}
