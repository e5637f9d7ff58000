import type { Alert } from '../alert/alert-schema.js';
import type { Explanation } from '../explanation/explanation-schema.js';
import { AlertFactSet } from '../facts/alert-fact-set.js';
import { extractFacts } from '../facts/extract-facts.js';
import { dropUnsupportedSentences, forEachAlertText, isComplete, type ExplanationTemplate } from './explanation-template.js';

/** Tokens for the two metadata fields that differ per alert; alert tokens never have whole words. */
const fingerprintToken = '⟦FINGERPRINT⟧';
const generatedAtToken = '⟦GENERATED⟧';
const splitPattern = /(⟦[A-Z·]+⟧)/;

/**
 * A template prepared for filling in thousands of times: its JSON text split at the tokens,
 * and the short stretches of text around each token where a filled-in value could form a
 * fact that the fact check must see.
 */
export interface CompiledTemplate {
  template: ExplanationTemplate;
  /** JSON text split at tokens: even indexes are literal JSON, odd ones are tokens. */
  jsonParts: string[];
  /** Each token with up to two words on either side, split the same way. */
  factWindows: string[][];
  techniqueIds: string[];
}

/** Prepares a template for fillTemplate. */
export function compileTemplate(template: ExplanationTemplate): CompiledTemplate {
  const explanation: Explanation = {
    ...template.explanation,
    metadata: { ...template.explanation.metadata, alertFingerprint: fingerprintToken, generatedAt: generatedAtToken },
  };
  const windows = new Set<string>();
  forEachAlertText(template.explanation, (text) => {
    for (const match of text.matchAll(/(?:\S+\s+){0,2}\S*⟦[A-Z·]+⟧\S*(?:\s+\S+){0,2}/g)) windows.add(match[0]);
  });
  return {
    template,
    jsonParts: JSON.stringify(explanation).split(splitPattern),
    factWindows: [...windows].map((window) => window.split(splitPattern)),
    techniqueIds: template.explanation.techniques.map((technique) => technique.id),
  };
}

export interface FillTemplateOptions {
  compiled: CompiledTemplate;
  alert: Alert;
  /** Token to this alert's value, from tokenizeAlert. */
  values: Map<string, string>;
  fingerprint: string;
  generatedAt: string;
}

function join(parts: string[], resolve: (token: string) => string): string {
  let text = '';
  for (let index = 0; index < parts.length; index += 1) text += index % 2 === 0 ? parts[index] : resolve(parts[index]!);
  return text;
}

/**
 * Fills a compiled template with one alert's values and returns the explanation's JSON text.
 * As grounding does, the fact check looks at the words around every filled-in value. An
 * address, host, account, port, date or time that neither the alert nor the grounded template
 * contains removes its sentence, on a slower path that checks sentence by sentence. Returns
 * undefined when a token has no value for this alert or a required text ends up empty, so the
 * caller explains that alert on its own.
 *
 * NOTE: a draft that paraphrases a per-event value ("early in the morning" for 02:00) keeps
 * the first alert's wording for every alert of the template, because the fact check finds
 * only values written the way extractFacts finds them.
 */
export function fillTemplate({ compiled, alert, values, fingerprint, generatedAt }: FillTemplateOptions): string | undefined {
  let unresolved = false;
  const resolve = (token: string): string => {
    if (token === fingerprintToken) return fingerprint;
    if (token === generatedAtToken) return generatedAt;
    const value = values.get(token);
    if (value === undefined) unresolved = true;
    return value ?? token;
  };
  const windows = compiled.factWindows.map((window) => join(window, resolve)).join('\n');
  if (unresolved) return undefined;
  const json = join(compiled.jsonParts, (token) => JSON.stringify(resolve(token)).slice(1, -1));
  const leftovers = factsBesideValues(windows, values);
  if (leftovers.length === 0) return json;
  const facts = new AlertFactSet(alert, [compiled.template.literalText]);
  if (facts.unsupported(leftovers.join('\n')).length === 0) return json;

  const checked = dropUnsupportedSentences(JSON.parse(json) as Explanation, facts);
  return isComplete(checked) ? JSON.stringify(checked) : undefined;
}

/**
 * Returns the facts in a text that are not exactly one of the alert's own values, because
 * those are supported by definition. Ports come back as "port N" for the fact set to check.
 */
function factsBesideValues(text: string, values: Map<string, string>): string[] {
  const own = new Set([...values.values()].map((value) => value.toLowerCase()));
  const found = extractFacts(text);
  const named = [...found.addresses, ...found.hosts, ...found.accounts, ...found.dates, ...found.times];
  const leftovers = named.filter((fact) => !own.has(fact.toLowerCase()));
  for (const port of found.ports) if (!own.has(String(port))) leftovers.push(`port ${port}`);
  return leftovers;
}
