import type { Alert } from '../alert/alert-schema.js';
import type { AttackIndex } from '../attack/attack-index.js';
import type { ExplanationBackend } from '../backends/explanation-backend.js';
import { InputError } from '../errors/input-error.js';
import { explainStorm } from '../batch/explain-storm.js';
import { defaultMaxTechniques, explainAlert } from '../explain/explain-alert.js';
import type { Logger } from '../logging/logger.js';
import type { TechniqueMapper } from '../mapping/technique-mapping.js';
import type { EvalCase } from './eval-suite-schema.js';
import type { RecordedExplanations } from './read-explanations-file.js';

export interface ExplanationRequest {
  testCase: EvalCase;
  alert: Alert;
  /** main: the case's alert; baseline: the same alert without its hostile field. */
  variant: 'main' | 'baseline';
  /** Every alert text of a storm case, one per line; `alert` is then the storm's first alert. */
  stormTexts?: string[];
}

/** Source of an eval's explanations: a backend run now, or a file recorded elsewhere. */
export interface ExplanationSource {
  /** Backend name, or "explanations" for a file; selects the suite's threshold set. */
  name: string;
  /** File the explanations were read from, for recorded sources. */
  file?: string;
  explain(request: ExplanationRequest): Promise<unknown>;
}

export interface BackendSourceOptions {
  backend: ExplanationBackend;
  index: AttackIndex;
  mapper: TechniqueMapper;
  logger: Logger;
  /** Clock for the explanations' `generatedAt`. */
  now?: () => Date;
}

async function explainStormCase(request: ExplanationRequest, texts: string[], options: BackendSourceOptions): Promise<unknown> {
  const records = await explainStorm({ ...options, texts, origin: request.testCase.alert, maxTechniques: defaultMaxTechniques });
  const groups = records.filter((record) => record.status === 'group');
  if (groups.length !== 1 || records.length !== 1) {
    throw new InputError(`storm case ${request.testCase.id} gave ${groups.length} group records and ${records.length - groups.length} failed records; expected one group`);
  }
  return groups[0]!.explanation;
}

/**
 * Creates a source that explains each alert through the normal pipeline with one backend, and
 * each storm case through the batch summary mode, as one consolidated explanation.
 */
export function createBackendSource(options: BackendSourceOptions): ExplanationSource {
  const { backend, index, mapper, logger, now } = options;
  return {
    name: backend.name,
    explain: (request) =>
      request.stormTexts
        ? explainStormCase(request, request.stormTexts, options)
        : explainAlert({ alert: request.alert, index, mapper, backend, logger, ...(now ? { now } : {}) }),
  };
}

/**
 * Creates a source that returns explanations read from a file. Throws InputError for a case
 * the file has no explanation for, which the runner records as that case's error.
 */
export function createRecordedSource(recorded: Map<string, RecordedExplanations>, file: string): ExplanationSource {
  return {
    name: 'explanations',
    file,
    async explain({ testCase, variant }) {
      const value = recorded.get(testCase.id)?.[variant];
      if (value === undefined) {
        const what = variant === 'baseline' ? 'baseline explanation (variant "baseline")' : 'explanation';
        throw new InputError(`${file} has no ${what} with id "${testCase.id}"`);
      }
      return value;
    },
  };
}
