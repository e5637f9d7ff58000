import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Alert } from '../alert/alert-schema.js';
import { InputError } from '../errors/input-error.js';
import { normalizeDescription } from '../explain/fingerprint-alert.js';
import { packageFile } from '../util/package-file.js';

const responseSchema = z.union([
  z.object({ content: z.string(), usage: z.object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int() }).optional() }),
  z.object({ answer: z.record(z.string(), z.unknown()), usage: z.object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int() }).optional() }),
]);

/** One stored exchange with a model (or a hand-written stand-in) for one alert. */
export const recordingSchema = z.object({
  /** Fingerprint (fingerprintAlert) of the alert that the recording belongs to. */
  fingerprint: z.string().min(1),
  /** The alert's description, the second key when an adapter change alters the fingerprint. */
  description: z.string().min(1),
  /** Path of the alert file, relative to the repository. */
  alert: z.string().optional(),
  /** Acceptance case the alert belongs to, if any. */
  case: z.string().optional(),
  /**
   * "recorded" for real model responses. "hand-written" and "scripted" mark responses that the
   * developers wrote by hand or with scripts/write-scripted-recordings.mjs, in a model's shape.
   */
  source: z.enum(['hand-written', 'scripted', 'recorded']),
  model: z.string().min(1),
  promptVersion: z.string().min(1),
  recordedAt: z.string().optional(),
  /** True when the alert was redacted for the request, so the responses contain placeholders. */
  redacted: z.boolean().default(false),
  /** Deliberate mistakes in a written response, listed for readers of the fixture. */
  flaws: z.array(z.string()).default([]),
  note: z.string().optional(),
  /** Answers in request order: the draft answer, then the repair answer if one was needed. */
  responses: z.array(responseSchema).min(1),
});

export type Recording = z.infer<typeof recordingSchema> & { file: string };

/** Folder of the committed recordings: `fixtures/llm-responses` in the repository. */
export const defaultReplayFolder = fileURLToPath(packageFile('fixtures/llm-responses/'));

/** Recordings of one folder, found by alert fingerprint or, failing that, by description. */
export interface RecordingIndex {
  folder: string;
  recordings: Recording[];
  find(alert: Alert, fingerprint: string): Recording | undefined;
}

/**
 * Loads every `*.json` recording in a folder and indexes it. Throws InputError for a missing
 * folder, an invalid file, or two recordings for one fingerprint.
 */
export async function loadRecordings(folder: string): Promise<RecordingIndex> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    throw new InputError(`cannot read the replay folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      hint: 'Pass --replay-dir or set IDS_EXPLAIN_REPLAY_DIR to a folder of recordings',
      cause: error,
    });
  }
  const recordings: Recording[] = [];
  const byFingerprint = new Map<string, Recording>();
  for (const name of names) {
    const file = join(folder, name);
    const parsed = recordingSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`invalid recording ${file}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    const recording = { ...parsed.data, file };
    const clash = byFingerprint.get(recording.fingerprint);
    if (clash) throw new InputError(`recordings ${clash.file} and ${file} have the same alert fingerprint ${recording.fingerprint}`, { hint: 'Delete one of them' });
    byFingerprint.set(recording.fingerprint, recording);
    recordings.push(recording);
  }
  return {
    folder,
    recordings,
    find(alert, fingerprint) {
      const description = normalizeDescription(alert.description);
      return byFingerprint.get(fingerprint) ?? recordings.find((recording) => normalizeDescription(recording.description) === description);
    },
  };
}
