import { statSync } from 'node:fs';
import type { DerivedFileCache } from '../../cache/derived-file-cache.js';
import { InputError } from '../../errors/input-error.js';
import type { Logger } from '../../logging/logger.js';
import type { LabelledRule } from './labelled-rule.js';
import { readLabelledRules } from './read-labelled-rules.js';
import { readSigmaRulesCached } from './read-sigma-rules-cached.js';

/**
 * Reads labelled examples for the mapper from a JSON Lines file in the evaluation layout, a
 * single Sigma rule file or a folder of Sigma rules. Parsed Sigma rules are kept in `cache`
 * when one is given, keyed by the files' sizes and modification times. Throws InputError when
 * the path is missing or contains no labelled example.
 */
export function readExamples(path: string, logger: Logger, cache?: DerivedFileCache): LabelledRule[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new InputError(`examples not found: ${path}`, {
      hint: 'Pass a JSON Lines file of labelled rules or a folder of Sigma rules to --examples or IDS_EXPLAIN_EXAMPLES',
    });
  }
  let rules: LabelledRule[];
  if (isFolder || /\.ya?ml$/i.test(path)) {
    const read = readSigmaRulesCached(path, logger, cache);
    logger.info('read %d Sigma rules with technique tags from %s (%d files or documents skipped)', read.rules.length, path, read.skipped.length);
    rules = read.rules;
  } else {
    rules = readLabelledRules(path);
  }
  if (rules.length === 0) {
    throw new InputError(`no labelled example in ${path}`, {
      hint: 'Examples need ATT&CK technique labels: a techniques array in JSON Lines, or attack.tNNNN tags in Sigma rules',
    });
  }
  return rules;
}
