import { parseAlert } from '../../alert/parse-alert.js';
import { createBackend } from '../../backends/create-backend.js';
import type { Environment } from '../../config/environment.js';
import { resolveBackendName, resolveLlmSettings, type LlmFlags } from '../../config/llm-settings.js';
import { userCacheDir } from '../../config/user-dirs.js';
import { defaultMaxTechniques, explainAlert } from '../../explain/explain-alert.js';
import type { Logger } from '../../logging/logger.js';
import { renderJson } from '../../render/render-json.js';
import { renderMarkdown } from '../../render/render-markdown.js';
import { terminalStyle } from '../../render/terminal-style.js';
import { loadKnowledge } from '../../runtime/load-knowledge.js';
import { parseChoiceOption, parseIntegerOption } from '../parse-options.js';
import { readInputText } from '../read-input-text.js';

export interface ExplainCommandOptions extends LlmFlags {
  format?: string;
  attack?: string;
  backend?: string;
  maxTechniques?: string;
  inputFormat?: string;
  examples?: string;
  cache: boolean;
}

export interface CommandContext {
  environment: Environment;
  logger: Logger;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Runs `ids-explain explain`: reads one alert, explains it and writes Markdown or JSON. */
export async function runExplainCommand(file: string | undefined, options: ExplainCommandOptions, context: CommandContext): Promise<void> {
  const format = parseChoiceOption('--format', options.format ?? 'md', ['md', 'json'] as const);
  const maxTechniques = parseIntegerOption('--max-techniques', options.maxTechniques, { min: 1, max: 10 }) ?? defaultMaxTechniques;
  const llm = resolveLlmSettings(context.environment, options);
  const backend = await createBackend({ name: resolveBackendName(options.backend, context.environment, llm), llm, cacheDir: userCacheDir(context.environment as Record<string, string | undefined>) });

  const { text, origin, note } = await readInputText(file);
  const alert = parseAlert(text, { origin, ...(options.inputFormat ? { format: options.inputFormat } : {}), ...(note ? { notes: [note] } : {}) });
  const knowledge = loadKnowledge({
    ...(options.attack !== undefined ? { attackPath: options.attack } : {}),
    ...(options.examples !== undefined ? { examplesPath: options.examples } : {}),
    environment: context.environment,
    useCache: options.cache,
    logger: context.logger,
  });

  const explanation = await explainAlert({ alert, ...knowledge, backend, maxTechniques, logger: context.logger });
  const output = format === 'json' ? renderJson(explanation) : renderMarkdown(explanation, terminalStyle(context.stdout, process.env));
  context.stdout.write(output);
}
