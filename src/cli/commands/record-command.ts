import { parseAlert } from '../../alert/parse-alert.js';
import { resolveLlmSettings, type LlmFlags } from '../../config/llm-settings.js';
import { userCacheDir } from '../../config/user-dirs.js';
import { defaultMaxTechniques } from '../../explain/explain-alert.js';
import { loadKnowledge } from '../../runtime/load-knowledge.js';
import { parseIntegerOption } from '../parse-options.js';
import { readInputText } from '../read-input-text.js';
import type { CommandContext } from './explain-command.js';

export interface RecordCommandOptions extends LlmFlags {
  out: string;
  case?: string;
  attack?: string;
  maxTechniques?: string;
  cache: boolean;
}

/**
 * Runs `ids-explain record`: sends each alert to the configured model and saves the answers as
 * replay recordings. It is the one opt-in path that refreshes recorded answers.
 */
export async function runRecordCommand(files: string[], options: RecordCommandOptions, context: CommandContext): Promise<void> {
  const maxTechniques = parseIntegerOption('--max-techniques', options.maxTechniques, { min: 1, max: 10 }) ?? defaultMaxTechniques;
  const settings = resolveLlmSettings(context.environment, options);
  const alerts = [];
  for (const file of files) {
    const { text, origin } = await readInputText(file);
    alerts.push({ alert: parseAlert(text, { origin }), path: file });
  }
  const knowledge = loadKnowledge({
    ...(options.attack !== undefined ? { attackPath: options.attack } : {}),
    environment: context.environment,
    useCache: options.cache,
    logger: context.logger,
  });
  const { recordResponses } = await import('../../llm/record-responses.js');
  const written = await recordResponses({
    alerts,
    outDir: options.out,
    settings,
    ...knowledge,
    maxTechniques,
    logger: context.logger,
    cacheDir: userCacheDir(context.environment as Record<string, string | undefined>),
    ...(options.case ? { caseId: options.case } : {}),
  });
  for (const path of written) context.stdout.write(`recorded ${path}\n`);
}
