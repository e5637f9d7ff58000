import type { Alert } from '../../alert/alert-schema.js';
import { makeAlert } from '../../alert/make-alert.js';
import type { LabelledRule } from '../examples/labelled-rule.js';
import { logSourceText } from '../examples/rule-search-text.js';

/**
 * Builds the alert that a rule would raise, from its title, description and log source only.
 * The rule's labels, tags, related ids, path and author are never read, so the mapper under
 * evaluation cannot see them.
 */
export function ruleToAlert(rule: LabelledRule): Alert {
  const title = rule.title;
  const description = rule.description.trim();
  const logsource = { ...rule.logsource };
  const details = logSourceText(logsource);
  return makeAlert(
    {
      format: 'labelled-rule',
      description: description || title,
      ruleName: title,
      ...(details ? { details } : {}),
      raw: { title, description, logsource },
    },
    'rule',
  );
}
