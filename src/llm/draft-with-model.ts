import type { DraftRequest, DraftResult } from '../backends/explanation-backend.js';
import { composeOfflineExplanation } from '../compose/compose-offline-explanation.js';
import type { ExplanationDraft } from '../explanation/explanation-schema.js';
import { createRedactor, type Redactor } from '../privacy/redact-alert.js';
import { assemblePrompt, type AssembledPrompt } from './assemble-prompt.js';
import { answerJsonSchema } from './answer-json-schema.js';
import type { ChatMessage, ChatResponse, ChatTransport } from './chat-transport.js';
import type { TokenCounter } from './count-tokens.js';
import { parseModelAnswer, type ParsedAnswer } from './parse-model-answer.js';
import type { PromptTemplateSet } from './prompt-template.js';

export interface DraftWithModelOptions {
  request: DraftRequest;
  transport: ChatTransport;
  template: PromptTemplateSet;
  counter: TokenCounter;
  tokenBudget: number;
  /** Replace private values with placeholders before the request and restore them after. */
  redact: boolean;
}

interface Exchange {
  responses: ChatResponse[];
  parsed: ParsedAnswer;
}

async function askWithRepair(options: DraftWithModelOptions, prompt: AssembledPrompt): Promise<Exchange> {
  const { request, transport, template } = options;
  const base = { jsonSchema: answerJsonSchema(), alertId: request.alertId, logger: request.logger, ...(request.signal ? { signal: request.signal } : {}), ...(request.stopRetries ? { stopRetries: request.stopRetries } : {}) };
  const first = await transport.complete({ ...base, messages: prompt.messages, purpose: 'draft' });
  const parsed = parseModelAnswer(first.content);
  if (parsed.ok) return { responses: [first], parsed };

  request.logger.info('alert %s: the model response is invalid (%d problems), so one repair request follows', request.alertId, parsed.errors.length);
  request.logger.debug('alert %s: validation errors: %s', request.alertId, parsed.errors.join('; '));
  const repairText = await template.repair.format({ errors: parsed.errors.map((error) => `- ${error}`).join('\n') });
  const messages: ChatMessage[] = [...prompt.messages, { role: 'assistant', content: first.content }, { role: 'user', content: repairText }];
  const second = await transport.complete({ ...base, messages, purpose: 'repair' });
  return { responses: [first, second], parsed: parseModelAnswer(second.content) };
}

function tokenMetadata(exchange: Exchange, prompt: AssembledPrompt, counter: TokenCounter) {
  let promptTokens = 0;
  let completionTokens = 0;
  exchange.responses.forEach((response, position) => {
    // Servers that report no usage get the local count: the prompt, plus the first answer and
    // repair message that the second request repeats.
    promptTokens += response.promptTokens ?? prompt.promptTokens + (position > 0 ? counter.count(exchange.responses[0]!.content) + 50 : 0);
    completionTokens += response.completionTokens ?? counter.count(response.content);
  });
  return { promptTokens, completionTokens };
}

/**
 * Drafts an explanation with a model: redacts the alert when asked, assembles the prompt,
 * sends it, parses the answer with zod, sends one repair request quoting the validation
 * errors if needed, and restores redacted values. When the repaired response is still invalid,
 * the offline composer writes the draft and `fallbackReason` says why. Transport errors, such
 * as LlmRequestError, propagate.
 */
export async function draftWithModel(options: DraftWithModelOptions): Promise<DraftResult> {
  const { request, transport, template, counter } = options;
  const redactor: Redactor | undefined = options.redact ? createRedactor(request.alert) : undefined;
  const prompt = await assemblePrompt({
    template,
    alert: redactor?.alert ?? request.alert,
    mapping: request.mapping,
    index: request.index,
    findings: request.findings ?? [],
    maxTechniques: request.maxTechniques,
    tokenBudget: options.tokenBudget,
    counter,
    ...(redactor ? { protectText: redactor.text } : {}),
  });
  if (prompt.trimmed.length > 0) request.logger.debug('alert %s: to fit %d prompt tokens: %s', request.alertId, options.tokenBudget, prompt.trimmed.join('; '));
  if (prompt.overBudget) request.logger.warn('alert %s: the prompt needs %d tokens, over the budget of %d, because the alert\'s key fields are never cut', request.alertId, prompt.promptTokens, options.tokenBudget);

  const exchange = await (request.sendGate ? request.sendGate(() => askWithRepair(options, prompt)) : askWithRepair(options, prompt));
  const metadata = {
    model: exchange.responses.at(-1)?.model ?? transport.model,
    promptVersion: prompt.version,
    ...tokenMetadata(exchange, prompt, counter),
  };
  if (exchange.parsed.ok) {
    const draft: ExplanationDraft = redactor ? redactor.restore(exchange.parsed.draft) : exchange.parsed.draft;
    return { draft, metadata };
  }
  const fallbackReason = `the model's response failed validation twice (${exchange.parsed.errors.slice(0, 3).join('; ')}), so the offline composer wrote this explanation`;
  request.logger.warn('alert %s: %s', request.alertId, fallbackReason);
  const draft = composeOfflineExplanation({ alert: request.alert, mapping: request.mapping, index: request.index, maxTechniques: request.maxTechniques, findings: request.findings ?? [] });
  return { draft, metadata: { ...metadata, fallbackReason } };
}
