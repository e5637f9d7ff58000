import type { Impact } from '../explanation/explanation-schema.js';

export const impactAspects = ['dataBreach', 'serviceDisruption', 'financial', 'reputational'] as const;
export const mitigationKinds = ['immediate', 'longTerm', 'bestPractices'] as const;
export type MitigationKind = (typeof mitigationKinds)[number];

export interface TechniqueView {
  id: string;
  name: string;
  url: string;
  explanation: string;
  attackQuote: string;
  tactics: { id: string; name: string }[];
}

export interface MitigationView {
  action: string;
  mitigation?: { id: string; name: string; url: string };
}

/**
 * An explanation read leniently: every field that has the expected type is kept and every
 * other one becomes empty, so scorers can judge what an invalid explanation does contain.
 * The schema scorer is the one that reports what is missing or malformed.
 */
export interface ExplanationView {
  interpretation: { summary: string; details: string };
  techniques: TechniqueView[];
  impact: Impact;
  mitigations: Record<MitigationKind, MitigationView[]>;
}

/** One prose field of an explanation, with where it sits and what it speaks about. */
export interface ProseField {
  /** Readable location, such as "impact.financial" or "techniques[0].explanation". */
  where: string;
  text: string;
  /** alert: a claim about this alert; technique: explains ATT&CK; mitigation: advice. */
  topic: 'alert' | 'technique' | 'mitigation';
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function viewTechnique(value: unknown): TechniqueView {
  const item = record(value);
  return {
    id: text(item.id),
    name: text(item.name),
    url: text(item.url),
    explanation: text(item.explanation),
    attackQuote: text(item.attackQuote),
    tactics: list(item.tactics).map((tactic) => ({ id: text(record(tactic).id), name: text(record(tactic).name) })),
  };
}

function viewMitigation(value: unknown): MitigationView {
  const item = record(value);
  const reference = record(item.mitigation);
  const view: MitigationView = { action: text(item.action) };
  if (item.mitigation !== undefined) {
    view.mitigation = { id: text(reference.id), name: text(reference.name), url: text(reference.url) };
  }
  return view;
}

/** Reads any value as an explanation, keeping what has the expected shape. */
export function viewExplanation(value: unknown): ExplanationView {
  const root = record(value);
  const interpretation = record(root.interpretation);
  const impact = record(root.impact);
  const mitigations = record(root.mitigations);
  return {
    interpretation: { summary: text(interpretation.summary), details: text(interpretation.details) },
    techniques: list(root.techniques).map(viewTechnique),
    impact: {
      dataBreach: text(impact.dataBreach),
      serviceDisruption: text(impact.serviceDisruption),
      financial: text(impact.financial),
      reputational: text(impact.reputational),
    },
    mitigations: {
      immediate: list(mitigations.immediate).map(viewMitigation),
      longTerm: list(mitigations.longTerm).map(viewMitigation),
      bestPractices: list(mitigations.bestPractices).map(viewMitigation),
    },
  };
}

/**
 * Lists the prose of an explanation: interpretation, technique explanations, impact and
 * mitigation actions. ATT&CK quotes, names and URLs are not prose: grounding checks them.
 */
export function proseFields(view: ExplanationView): ProseField[] {
  const fields: ProseField[] = [
    { where: 'interpretation.summary', text: view.interpretation.summary, topic: 'alert' },
    { where: 'interpretation.details', text: view.interpretation.details, topic: 'alert' },
  ];
  view.techniques.forEach((technique, position) => {
    fields.push({ where: `techniques[${position}].explanation`, text: technique.explanation, topic: 'technique' });
  });
  for (const aspect of impactAspects) fields.push({ where: `impact.${aspect}`, text: view.impact[aspect], topic: 'alert' });
  for (const kind of mitigationKinds) {
    view.mitigations[kind].forEach((item, position) => {
      fields.push({ where: `mitigations.${kind}[${position}]`, text: item.action, topic: 'mitigation' });
    });
  }
  return fields.filter((field) => field.text.trim() !== '');
}
