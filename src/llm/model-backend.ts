import type { DraftRequest, DraftResult, ExplanationBackend } from '../backends/explanation-backend.js';
import type { ChatTransport } from './chat-transport.js';
import type { TokenCounter } from './count-tokens.js';
import { draftWithModel } from './draft-with-model.js';
import type { PromptTemplateSet } from './prompt-template.js';

export interface ModelBackendOptions {
  name: string;
  /** Model name as configured; replay reports the recordings' origin instead. */
  model?: string;
  /** Returns the transport for one request; replay picks the recording of the alert. */
  transportFor: (request: DraftRequest) => Promise<{ transport: ChatTransport; redact: boolean; notes?: string[] }>;
  template: PromptTemplateSet;
  counter: TokenCounter;
  tokenBudget: number;
}

/** Creates a backend that drafts through a chat transport with the shared prompt, parse and repair path. */
export function createModelBackend(options: ModelBackendOptions): ExplanationBackend {
  const { name, transportFor, template, counter, tokenBudget } = options;
  return {
    name,
    ...(options.model ? { model: options.model } : {}),
    promptVersion: template.version,
    usesSendGate: true,
    async draft(request: DraftRequest): Promise<DraftResult> {
      const { transport, redact, notes } = await transportFor(request);
      const result = await draftWithModel({ request, transport, template, counter, tokenBudget, redact });
      return notes ? { ...result, notes } : result;
    },
  };
}
