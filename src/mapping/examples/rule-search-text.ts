import type { LabelledRule } from './labelled-rule.js';

/** Returns a labelled rule's log source as text, such as "log source: windows process_creation". */
export function logSourceText(logsource: LabelledRule['logsource']): string {
  const parts = [logsource.product, logsource.service, logsource.category].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? `log source: ${parts.join(' ')}` : '';
}

/**
 * Returns the text of a labelled rule that the mapper may read: title, description and log
 * source. Labels, tags and every other field stay out.
 */
export function ruleSearchText(rule: Pick<LabelledRule, 'title' | 'description' | 'logsource'>): string {
  return [rule.title, rule.description, logSourceText(rule.logsource)].filter((part) => part.length > 0).join('\n');
}
