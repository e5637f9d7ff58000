import { getEncodingNameForModel, type TiktokenEncoding, type TiktokenModel } from 'js-tiktoken/lite';
import { BytePairCounter } from './byte-pair-counter.js';
import { loadEncodingRanks, type CountedEncoding } from './load-encoding-ranks.js';

/** Counts tokens of prompt and response texts with a tokenizer chosen for the model. */
export interface TokenCounter {
  /** Tokenizer name, such as "o200k_base". */
  readonly encoding: string;
  /** Returns the number of tokens in a text. */
  count(text: string): number;
  /** Returns the number of prompt tokens of a chat request, with per-message overhead. */
  countMessages(messages: { role: string; content: string }[]): number;
}

export interface CreateTokenCounterOptions {
  /**
   * Folder where the encoding's rank table is kept between runs, normally userCacheDir().
   * Without it, the table is built in memory on every start, which took about 50 ms for
   * o200k_base against about 15 ms for reading the file (bench/token-counter-load.mjs).
   */
  cacheDir?: string | undefined;
}

/** Counters by encoding and cache folder, so that every folder a caller names gets its file. */
const encoders = new Map<string, Promise<BytePairCounter>>();

function encodingFor(model: string): TiktokenEncoding {
  try {
    return getEncodingNameForModel(model as TiktokenModel);
  } catch {
    // Models outside OpenAI's list (Llama, Mistral, Qwen) have their own tokenizers, so the
    // o200k_base count is only an estimate for them.
    return 'o200k_base';
  }
}

async function loadEncoder(encoding: CountedEncoding, cacheDir: string | undefined): Promise<BytePairCounter> {
  const { table, pattern } = await loadEncodingRanks({ encoding, cacheDir });
  return new BytePairCounter(table, pattern);
}

/**
 * Creates a token counter for a model name: exact for OpenAI models that use cl100k_base or
 * o200k_base, an estimate with o200k_base for every other model. Runs of 65 or more characters
 * without white space are counted in 64-character slices, so their count is an estimate that
 * can differ from the tokenizer's by about a token per slice. With `cacheDir`, the rank
 * table is read from a file there, or built and written there when the file is missing or
 * unusable. Cache problems never make this throw.
 */
export async function createTokenCounter(model: string, { cacheDir }: CreateTokenCounterOptions = {}): Promise<TokenCounter> {
  const encoding = encodingFor(model) === 'cl100k_base' ? 'cl100k_base' : 'o200k_base';
  const memoKey = `${encoding}\n${cacheDir ?? ''}`;
  let encoder = encoders.get(memoKey);
  if (!encoder) {
    encoder = loadEncoder(encoding, cacheDir);
    encoders.set(memoKey, encoder);
  }
  const counter = await encoder;
  const encode = (text: string) => (text ? counter.count(text) : 0);
  // Byte-pair encoding slows down sharply on long runs without white space, such as payloads
  // in alert fields, so such runs are counted in slices. Ordinary text is counted whole.
  const count = (text: string) => {
    let total = 0;
    let last = 0;
    // The look-behind lets a match start only where a run of non-space characters starts.
    // Without it, every position inside every shorter run is tried, and the scan took twice as long.
    for (const match of text.matchAll(/(?<!\S)\S{65,}/g)) {
      total += encode(text.slice(last, match.index));
      for (let start = 0; start < match[0].length; start += 64) total += encode(match[0].slice(start, start + 64));
      last = match.index + match[0].length;
    }
    return total + encode(text.slice(last));
  };
  return {
    encoding,
    count,
    // Estimate of the chat format's framing: 3 tokens per message and 3 that start the reply.
    countMessages: (messages) => messages.reduce((sum, message) => sum + 3 + count(message.content) + count(message.role), 3),
  };
}
