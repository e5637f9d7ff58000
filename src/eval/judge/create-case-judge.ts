import { hideSecrets, SecretValue } from '../../config/secret-value.js';
import type { Logger } from '../../logging/logger.js';
import type { EvalReport } from '../eval-report.js';
import type { CaseJudge } from '../run-explanation-eval.js';
import { assembleJudgePrompt, judgePromptVersion } from './assemble-judge-prompt.js';
import { parseJudgement } from './parse-judgement.js';
import { readJudgeConfig, type JudgeConfig } from './read-judge-config.js';
import { scoreJudgement } from './score-judgement.js';

export interface CreateCaseJudgeOptions {
  env: Record<string, string | undefined>;
  /** Value of `--judge-model`. */
  model?: string;
  logger: Logger;
  /** Retries of failed requests (429, 5xx, timeouts) by the openai SDK. */
  maxRetries?: number;
  timeoutMs?: number;
}

export interface CaseJudgeSetup {
  judge?: CaseJudge;
  judgeStatus: EvalReport['judge'];
}

async function createJudge(config: JudgeConfig, options: CreateCaseJudgeOptions): Promise<CaseJudge> {
  // Loaded only here, so that evaluations without a judge never import the SDK.
  const { default: OpenAI } = await import('openai');
  const client = new OpenAI({
    apiKey: config.apiKey,
    ...(config.baseUrl ? { baseURL: config.baseUrl } : {}),
    maxRetries: options.maxRetries ?? 2,
    timeout: options.timeoutMs ?? 60_000,
  });
  const secret = new SecretValue(config.apiKey);
  return async ({ caseId, alert, explanation }) => {
    const prompt = assembleJudgePrompt(alert, explanation);
    options.logger.debug('case %s: asking judge %s (prompt %s)', caseId, config.model, prompt.version);
    let reply: string;
    try {
      const completion = await client.chat.completions.create({
        model: config.model,
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: prompt.system },
          { role: 'user', content: prompt.user },
        ],
      });
      reply = completion.choices[0]?.message.content ?? '';
    } catch (error) {
      // The server's error text can echo the Authorization header, and the reason goes into reports.
      const message = hideSecrets((error as Error).message, [secret]);
      options.logger.warn('case %s: judge request failed: %s', caseId, message);
      return { pass: false, score: 0, reason: `judge request failed: ${message}` };
    }
    const parsed = parseJudgement(reply);
    if (!parsed.ok) return { pass: false, score: 0, reason: `judge reply unusable: ${parsed.problem}` };
    return scoreJudgement(parsed.judgement);
  };
}

/**
 * Sets up the optional model judge when a model is configured, or returns why it is skipped.
 * Each judged case sends one chat completion request. A failed request or an unusable reply
 * becomes a failed judge score for that case, so it never stops the run.
 */
export async function createCaseJudge(options: CreateCaseJudgeOptions): Promise<CaseJudgeSetup> {
  const config = readJudgeConfig(options.env, options.model);
  if (!config.ok) {
    options.logger.warn('judge skipped: %s', config.reason);
    return { judgeStatus: { status: 'skipped', reason: config.reason } };
  }
  const judge = await createJudge(config.config, options);
  return { judge, judgeStatus: { status: 'ran', model: config.config.model, promptVersion: judgePromptVersion() } };
}
