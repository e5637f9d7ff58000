import { describe, expect, it } from 'vitest';
import { AlertFactSet } from '../../src/facts/alert-fact-set.js';
import type { Explanation } from '../../src/explanation/explanation-schema.js';
import { explainFixture } from '../support/explain-fixture.js';
import { realAttackIndex } from '../support/real-attack.js';

/**
 * Joins the explanation's text fields, leaving out metadata (it records when the explanation was
 * made, not facts about the alert) and URLs (they spell IDs with a slash by design).
 */
function contentOf(explanation: Explanation): string {
  const texts: string[] = [];
  const visit = (value: unknown, key: string) => {
    if (key === 'metadata' || key === 'url') return;
    if (typeof value === 'string') texts.push(value);
    else if (value && typeof value === 'object') for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
  };
  visit(explanation, '');
  return texts.join('\n');
}

function attackTextsOf(ids: string[]): string[] {
  const index = realAttackIndex();
  return ids.flatMap((id) => [index.technique(id)?.description ?? '', ...index.mitigationsFor(id).flatMap((link) => [link.text, link.mitigation.description])]);
}

describe('offline explanation of the reference alert', async () => {
  const { alert, explanation } = await explainFixture('atsvc-remote-task.txt');
  const first = explanation.techniques[0]!;

  it('names T1053.002 first', () => {
    expect(first.id).toBe('T1053.002');
  });

  it('uses the ATT&CK display name', () => {
    expect(first.name).toBe('Scheduled Task/Job: At');
  });

  it('links the canonical URL', () => {
    expect(first.url).toBe('https://attack.mitre.org/techniques/T1053/002/');
  });

  it('quotes T1053.002 verbatim', () => {
    expect(realAttackIndex().isVerbatimQuote('T1053.002', first.attackQuote)).toBe(true);
  });

  it('cites ATT&CK in the explanation', () => {
    expect(first.explanation).toMatch(/^According to MITRE ATT&CK, T1053\.002 \(Scheduled Task\/Job: At\) is /);
  });

  it('lists the tactics of T1053.002', () => {
    expect(first.tactics.map((tactic) => tactic.id)).toEqual(['TA0002', 'TA0003', 'TA0004']);
  });

  it('recommends mitigations that ATT&CK links to T1053.002', () => {
    const ids = explanation.mitigations.longTerm.flatMap((item) => (item.mitigation ? [item.mitigation.id] : []));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(realAttackIndex().isMitigationLinked(id, 'T1053.002')).toBe(true);
  });

  it('names both addresses in the immediate actions', () => {
    const immediate = explanation.mitigations.immediate.map((item) => item.action).join(' ');
    expect(immediate).toContain('192.0.2.4');
    expect(immediate).toContain('10.2.2.10');
  });

  it('fills all four impact aspects', () => {
    for (const text of Object.values(explanation.impact)) expect(text.length).toBeGreaterThan(20);
  });

  it('explains the jargon it repeats', () => {
    expect(explanation.interpretation.details).toMatch(/named pipe is a channel/);
    expect(explanation.interpretation.details).toMatch(/RPC is a way for one computer to ask another to run a function \(remote procedure call\)/);
  });

  it('states the time in UTC', () => {
    expect(explanation.interpretation.summary).toContain('on 2024-07-01 at 19:20:15 UTC');
  });

  it('states no fact the alert lacks', () => {
    const facts = new AlertFactSet(alert, attackTextsOf(explanation.techniques.map((technique) => technique.id)));
    expect(facts.unsupported(contentOf(explanation))).toEqual([]);
  });

  it('records the release and backend', () => {
    expect(explanation.metadata).toMatchObject({ attackDomain: 'enterprise-attack', backend: 'offline', generatedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('needs no grounding corrections', () => {
    expect(explanation.metadata.grounding).toBeUndefined();
  });
});

describe('offline explanation of the ATSVC key/value case', async () => {
  const { alert, explanation } = await explainFixture('cases/01-atsvc-remote-task-kv.txt');
  const ids = explanation.techniques.map((technique) => technique.id);

  it('names T1053.002 first', () => {
    expect(ids[0]).toBe('T1053.002');
  });

  it('never names the revoked or deprecated At entries', () => {
    const text = contentOf(explanation);
    expect(text).not.toContain('T1053.001');
    expect(text).not.toContain('T1053.004');
  });

  it('names the service account in the immediate actions', () => {
    expect(explanation.mitigations.immediate.map((item) => item.action).join(' ')).toContain('CORP\\svc_patch');
  });

  it('states no fact the alert lacks', () => {
    const facts = new AlertFactSet(alert, attackTextsOf(ids));
    expect(facts.unsupported(contentOf(explanation))).toEqual([]);
  });
});

describe('offline explanation of the Sigma tag spellings case', async () => {
  const { explanation } = await explainFixture('cases/14-sigma-tag-formats.json');
  const ids = explanation.techniques.map((technique) => technique.id);

  it('names T1053.005 first', () => {
    expect(ids[0]).toBe('T1053.005');
  });

  it('reports the technique once', () => {
    expect(ids.filter((id) => id === 'T1053.005')).toHaveLength(1);
  });

  it('never writes a non-canonical spelling', () => {
    const text = contentOf(explanation);
    for (const spelling of ['T1053/005', 't1053_005', 'attack.t1053.005']) expect(text).not.toContain(spelling);
    expect(text).not.toMatch(/T1053\.5(?!\d)/);
  });

  it('does not offer At for a descriptive task', () => {
    expect(ids).not.toContain('T1053.002');
  });
});
