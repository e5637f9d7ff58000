import { basename } from 'node:path';
import type { DraftRequest, ExplanationBackend } from '../backends/explanation-backend.js';
import type { LlmSettings } from '../config/llm-settings.js';
import { InputError } from '../errors/input-error.js';
import { LlmRequestError } from '../errors/llm-request-error.js';
import { fingerprintAlert } from '../explain/fingerprint-alert.js';
import type { ChatResponse, ChatTransport } from './chat-transport.js';
import { createTokenCounter } from './count-tokens.js';
import { createModelBackend } from './model-backend.js';
import { loadPromptTemplate } from './prompt-template.js';
import { defaultReplayFolder, loadRecordings, type Recording } from './replay-recordings.js';

export interface ReplayBackendOptions {
  settings: LlmSettings;
  /** Folder that keeps the token counter's rank table between runs; built in memory without it. */
  cacheDir?: string;
}

function replayTransport(recording: Recording): ChatTransport {
  let next = 0;
  return {
    model: recording.model,
    async complete(request): Promise<ChatResponse> {
      const stored = recording.responses[next];
      if (!stored) {
        throw new LlmRequestError(`the recording ${basename(recording.file)} contains ${recording.responses.length} response(s), but the replay also needs a ${request.purpose} response`, {
          alertId: request.alertId,
          hint: 'Add the missing response to the recording, or record it again',
          configuration: true,
        });
      }
      next += 1;
      const content = 'content' in stored ? stored.content : JSON.stringify(stored.answer);
      return {
        content,
        model: recording.model,
        ...(stored.usage ? { promptTokens: stored.usage.prompt_tokens, completionTokens: stored.usage.completion_tokens } : {}),
      };
    },
  };
}

function provenance(recording: Recording): string {
  const file = basename(recording.file);
  if (recording.source === 'hand-written') return `the model answer was written by hand in the shape a model returns; no model produced it (replay recording ${file})`;
  if (recording.source === 'scripted') return `the model answer was written by a script from the prompt in the shape a model returns; no model produced it (replay recording ${file})`;
  return `replayed the answer that ${recording.model} gave${recording.recordedAt ? ` on ${recording.recordedAt.slice(0, 10)}` : ''} (replay recording ${file})`;
}

/**
 * Creates the backend that serves recorded model answers from a folder (by default
 * `fixtures/llm-responses`) through the same parse, repair and grounding path as a live model,
 * so evaluations can score LLM output without a network. The notes of each explanation state whether
 * the answer was recorded from a model or written by hand. The draft throws InputError when
 * no recording matches the alert.
 */
export async function createReplayBackend({ settings, cacheDir }: ReplayBackendOptions): Promise<ExplanationBackend> {
  const folder = settings.replayDir ?? defaultReplayFolder;
  const [recordings, template, counter] = await Promise.all([loadRecordings(folder), loadPromptTemplate(settings.promptVersion), createTokenCounter('gpt-4o', { cacheDir })]);
  const transportFor = async (request: DraftRequest) => {
    const fingerprint = request.fingerprint ?? fingerprintAlert(request.alert);
    const recording = recordings.find(request.alert, fingerprint);
    if (!recording) {
      throw new InputError(`no recorded response for alert ${fingerprint} in ${folder}`, {
        hint: 'Record one with "ids-explain record" and a configured model, or use another backend',
      });
    }
    return { transport: replayTransport(recording), redact: recording.redacted, notes: [provenance(recording)] };
  };
  return createModelBackend({ name: 'replay', transportFor, template, counter, tokenBudget: settings.promptTokens });
}
