import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Alert } from '../../alert/alert-schema.js';
import { packageFile } from '../../util/package-file.js';

export interface JudgePrompt {
  system: string;
  user: string;
  /** First 12 hex digits of the SHA-256 of both templates; changes whenever they do. */
  version: string;
}

/** Folder of the judge templates: `prompts/judge` at the package root, from src/ or dist/. */
const templateFolder = packageFile('prompts/judge/');

let templates: { system: string; user: string; version: string } | undefined;

function loadTemplates(): { system: string; user: string; version: string } {
  if (!templates) {
    const system = readFileSync(new URL('system.md', templateFolder), 'utf8').trim();
    const user = readFileSync(new URL('user.md', templateFolder), 'utf8').trim();
    const version = createHash('sha256').update(system).update('\0').update(user).digest('hex').slice(0, 12);
    templates = { system, user, version };
  }
  return templates;
}

/** Returns the version of the judge templates. Throws when they cannot be read. */
export function judgePromptVersion(): string {
  return loadTemplates().version;
}

/**
 * Serialises data for a delimited block of the prompt. Every "<" becomes \u003c, which
 * JSON readers decode back, so that no value can close the block and pose as instructions.
 */
function dataBlock(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/</g, '\\u003c');
}

function withoutMetadata(explanation: unknown): unknown {
  if (typeof explanation !== 'object' || explanation === null || Array.isArray(explanation)) return explanation;
  const { metadata: _metadata, ...sections } = explanation as Record<string, unknown>;
  return sections;
}

/**
 * Assembles the judge's system and user messages from the templates in prompts/judge: the
 * alert (normalised fields and raw input) and the explanation (without metadata) go into
 * delimited data blocks. Values are filled in one pass, so text inside the alert is never
 * read as a placeholder. Throws when the templates cannot be read.
 */
export function assembleJudgePrompt(alert: Alert, explanation: unknown): JudgePrompt {
  const { system, user, version } = loadTemplates();
  const values: Record<string, string> = { alert: dataBlock(alert), explanation: dataBlock(withoutMetadata(explanation)) };
  const filled = user.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => values[name] ?? placeholder);
  return { system, user: filled, version };
}
