import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import type * as Yaml from 'yaml';
import { normalizeTechniqueId } from '../../attack/technique-id.js';
import type { Logger } from '../../logging/logger.js';
import type { LabelledRule, LogSource } from './labelled-rule.js';

/** Rules read from a Sigma folder, and the files that gave none, with the reason. */
export interface SigmaReadResult {
  rules: LabelledRule[];
  skipped: { path: string; reason: string }[];
}

// The YAML parser is loaded on first use, because every `explain` imports this module and few read Sigma files.
const require = createRequire(import.meta.url);
let yaml: typeof Yaml | undefined;

function parseYamlDocuments(text: string): Yaml.Document.Parsed[] {
  yaml ??= require('yaml') as typeof Yaml;
  return yaml.parseAllDocuments(text) as Yaml.Document.Parsed[];
}

/** Lists the Sigma rule files under a folder, sorted; a file path lists itself. */
export function listRuleFiles(folder: string): string[] {
  if (!statSync(folder).isDirectory()) return [folder];
  const entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function logSourceOf(value: unknown): LogSource {
  const source = (value ?? {}) as Record<string, unknown>;
  const logSource: LogSource = {};
  for (const key of ['product', 'category', 'service'] as const) {
    const field = text(source[key]);
    if (field) logSource[key] = field;
  }
  return logSource;
}

function tagsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
}

/**
 * Converts one parsed Sigma document to a labelled rule. Returns a reason string instead when
 * the document is not a detection rule or carries no `attack.tNNNN` tag.
 */
export function sigmaDocumentToRule(document: unknown, fallbackId: string): LabelledRule | string {
  if (typeof document !== 'object' || document === null) return 'not a YAML mapping';
  const rule = document as Record<string, unknown>;
  const title = text(rule.title);
  if (!title) return 'no title';
  const tags = tagsOf(rule.tags).map((tag) => tag.toLowerCase());
  const techniques = [...new Set(tags.filter((tag) => /^attack\.t\d{4}/.test(tag)).map((tag) => normalizeTechniqueId(tag)))]
    .filter((id): id is string => id !== undefined)
    .sort();
  if (techniques.length === 0) return 'no attack.tNNNN technique tag';
  const related = Array.isArray(rule.related)
    ? rule.related
        .map((entry) => entry as Record<string, unknown>)
        .filter((entry) => typeof entry.id === 'string')
        .map((entry) => ({ id: entry.id as string, ...(typeof entry.type === 'string' ? { type: entry.type } : {}) }))
    : [];
  return {
    id: text(rule.id) ?? fallbackId,
    title,
    description: text(rule.description) ?? '',
    logsource: logSourceOf(rule.logsource),
    techniques,
    tactics: tags.filter((tag) => tag.startsWith('attack.') && !/^attack\.[tgs]\d{4}/.test(tag)).map((tag) => tag.slice(7)),
    related,
  };
}

/**
 * Reads a Sigma rule file, or every `.yml` and `.yaml` file under a folder, as Sigma rules and keeps those with
 * ATT&CK technique tags. A file that is not valid YAML is skipped with a warning, because one
 * broken file in a large checkout should not stop the rest.
 */
export function readSigmaRules(folder: string, logger: Logger): SigmaReadResult {
  const result: SigmaReadResult = { rules: [], skipped: [] };
  for (const path of listRuleFiles(folder)) {
    const name = path === folder ? basename(path) : relative(folder, path);
    for (const [position, document] of parseYamlDocuments(readFileSync(path, 'utf8')).entries()) {
      if (document.errors.length > 0) {
        logger.warn('skipping %s: invalid YAML: %s', name, document.errors[0]?.message);
        result.skipped.push({ path: name, reason: 'invalid YAML' });
        continue;
      }
      const rule = sigmaDocumentToRule(document.toJS(), `${name}#${position}`);
      if (typeof rule === 'string') result.skipped.push({ path: name, reason: rule });
      else result.rules.push(rule);
    }
  }
  return result;
}
