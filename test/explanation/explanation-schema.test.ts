import { describe, expect, it } from 'vitest';
import { explanationJsonSchema } from '../../src/explanation/explanation-json-schema.js';
import { explanationSchema, type Explanation } from '../../src/explanation/explanation-schema.js';
import { sampleExplanation } from '../support/sample-explanation.js';

function issuesOf(value: unknown): string[] {
  const result = explanationSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('explanationSchema', () => {
  it('accepts a complete explanation', () => {
    expect(issuesOf(sampleExplanation())).toEqual([]);
  });

  it.each(['interpretation', 'techniques', 'impact', 'mitigations', 'metadata'] as const)('requires the %s section', (section) => {
    const explanation: Partial<Explanation> = sampleExplanation();
    delete explanation[section];
    expect(issuesOf(explanation)).toEqual([section]);
  });

  it.each(['dataBreach', 'serviceDisruption', 'financial', 'reputational'] as const)('requires the %s impact', (aspect) => {
    const explanation = sampleExplanation();
    explanation.impact[aspect] = '  ';
    expect(issuesOf(explanation)).toEqual([`impact.${aspect}`]);
  });

  it.each(['immediate', 'longTerm', 'bestPractices'] as const)('requires at least one %s mitigation', (kind) => {
    const explanation = sampleExplanation();
    explanation.mitigations[kind] = [];
    expect(issuesOf(explanation)).toEqual([`mitigations.${kind}`]);
  });

  it('rejects a malformed technique ID', () => {
    const explanation = sampleExplanation();
    explanation.techniques[0]!.id = 'T1053/002';
    expect(issuesOf(explanation)).toEqual(['techniques.0.id']);
  });

  it('rejects a malformed mitigation ID', () => {
    const explanation = sampleExplanation();
    explanation.mitigations.longTerm[0]!.mitigation!.id = 'T1028';
    expect(issuesOf(explanation)).toEqual(['mitigations.longTerm.0.mitigation.id']);
  });

  it('rejects a URL that is not one', () => {
    const explanation = sampleExplanation();
    explanation.techniques[0]!.url = 'attack.mitre.org/techniques/T1053/002';
    expect(issuesOf(explanation)).toEqual(['techniques.0.url']);
  });

  it('rejects an unreadable generation time', () => {
    const explanation = sampleExplanation();
    explanation.metadata.generatedAt = 'yesterday';
    expect(issuesOf(explanation)).toEqual(['metadata.generatedAt']);
  });
});

describe('explanationJsonSchema', () => {
  const schema = explanationJsonSchema() as { required: string[]; properties: Record<string, { required?: string[] }> };

  it('requires the four sections and metadata', () => {
    expect(schema.required).toEqual(['interpretation', 'techniques', 'impact', 'mitigations', 'metadata']);
  });

  it('requires the four impact aspects', () => {
    expect(schema.properties.impact?.required).toEqual(['dataBreach', 'serviceDisruption', 'financial', 'reputational']);
  });

  it('describes fields for models and readers', () => {
    expect(JSON.stringify(schema)).toContain('verbatim');
  });
});
