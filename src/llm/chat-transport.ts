import type { Logger } from '../logging/logger.js';

/** One chat message as OpenAI-compatible servers take it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Way the request demands JSON: a JSON schema, plain JSON mode, or only the prompt's words. */
export type ResponseFormatMode = 'json_schema' | 'json_object' | 'text';

export interface ChatRequest {
  messages: ChatMessage[];
  /** Strict JSON schema of the response, sent when the mode is json_schema. */
  jsonSchema: Record<string, unknown>;
  /** Fingerprint of the alert, for log lines. */
  alertId: string;
  /** "draft" for the first request, "repair" for the one that quotes validation errors. */
  purpose: 'draft' | 'repair';
  logger: Logger;
  signal?: AbortSignal;
  /**
   * Signal that ends the waits between attempts: the request then rejects with its reason
   * instead of trying again. Unlike `signal`, it leaves a request in flight to finish.
   */
  stopRetries?: AbortSignal;
}

export interface ChatResponse {
  content: string;
  /** Model name the server reported. */
  model?: string;
  promptTokens?: number;
  completionTokens?: number;
  finishReason?: string;
}

/** Sends chat requests to a model, or serves recorded responses in place of one. */
export interface ChatTransport {
  /** Model name as configured, for metadata when the server reports none. */
  readonly model: string;
  complete(request: ChatRequest): Promise<ChatResponse>;
}
