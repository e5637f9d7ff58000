import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAlert } from '../../src/alert/parse-alert.js';
import type { AttackIndex } from '../../src/attack/attack-index.js';
import { offlineBackend } from '../../src/backends/offline-backend.js';
import { explainAlert } from '../../src/explain/explain-alert.js';
import type { Explanation } from '../../src/explanation/explanation-schema.js';
import type { TechniqueMapper } from '../../src/mapping/technique-mapping.js';
import { alertSpecificText, explanationText, unsupportedFacts } from '../support/explanation-facts.js';
import { realAttackIndex, realMapper, repositoryRoot } from '../support/real-attack.js';

interface SharedCase {
  id: string;
  file: string;
  expect: { techniques_any: string[] };
}

const casesDir = join(repositoryRoot, 'fixtures/alerts/cases');
const cases = new Map<string, SharedCase>(
  readFileSync(join(casesDir, 'cases.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SharedCase)
    .map((item) => [item.id, item]),
);

let index: AttackIndex;
let mapper: TechniqueMapper;
const explained = new Map<string, { explanation: Explanation; input: string }>();

async function explainCase(id: string): Promise<{ explanation: Explanation; input: string }> {
  const cached = explained.get(id);
  if (cached) return cached;
  const item = cases.get(id)!;
  const input = readFileSync(join(casesDir, item.file), 'utf8');
  const alert = parseAlert(input, { origin: item.file, referenceTime: new Date('2026-03-20T12:00:00Z') });
  const explanation = await explainAlert({ alert, index, mapper, backend: offlineBackend, now: () => new Date('2026-03-20T12:00:00Z') });
  explained.set(id, { explanation, input });
  return { explanation, input };
}

beforeAll(() => {
  index = realAttackIndex();
  mapper = realMapper();
});

describe.each(['02', '06', '08', '14', '15'])('shared case %s', (id) => {
  it('names an expected technique', async () => {
    const { explanation } = await explainCase(id);
    const ids = explanation.techniques.map((technique) => technique.id);
    expect(ids.some((techniqueId) => cases.get(id)!.expect.techniques_any.includes(techniqueId))).toBe(true);
  });

  it('states no address, host or account absent from the input', async () => {
    const { explanation, input } = await explainCase(id);
    expect(unsupportedFacts(explanation, input, index)).toEqual([]);
  });

  it('lists each technique once', async () => {
    const { explanation } = await explainCase(id);
    const ids = explanation.techniques.map((technique) => technique.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('shared case 02, Suricata EVE with vendor metadata', () => {
  it('names no protocol sub-technique other than web', async () => {
    const { explanation } = await explainCase('02');
    const others = explanation.techniques.filter((technique) => /^T1071\.\d{3}$/.test(technique.id) && technique.id !== 'T1071.001');
    expect(others).toEqual([]);
  });

  it('never renders the vendor tactic literally', async () => {
    const { explanation } = await explainCase('02');
    expect(explanationText(explanation)).not.toContain('Command_And_Control');
  });

  it('attributes the traffic to no group or malware', async () => {
    const { explanation } = await explainCase('02');
    expect(explanationText(explanation)).not.toMatch(/\b[GS]\d{4}\b/);
  });

  it('explains severity 1 as high', async () => {
    const { explanation } = await explainCase('02');
    expect(explanation.interpretation.summary).toContain('The sensor rated it "1" (high severity).');
  });
});

describe('shared case 06, Zeek notice.log', () => {
  it('gives the time as 2026-03-14 03:47:01 UTC', async () => {
    const { explanation } = await explainCase('06');
    expect(explanation.interpretation.summary).toContain('on 2026-03-14 at 03:47:01 UTC');
  });

  it('states no other date or time', async () => {
    const { explanation } = await explainCase('06');
    const text = alertSpecificText(explanation);
    expect([...new Set(text.match(/\b\d{2}:\d{2}:\d{2}\b/g))]).toEqual(['03:47:01']);
    expect([...new Set(text.match(/\b\d{4}-\d{2}-\d{2}\b/g))]).toEqual(['2026-03-14']);
  });

  it('names two distinct targets', async () => {
    const { explanation } = await explainCase('06');
    expect(explanation.interpretation.summary).toContain('to 2 systems (10.60.2.5 and 10.60.2.9)');
  });

  it('gives the count of 30', async () => {
    const { explanation } = await explainCase('06');
    expect(explanation.interpretation.summary).toContain('The sensor counted 30 related events');
  });

  it('claims no successful login', async () => {
    const { explanation } = await explainCase('06');
    const claims = [explanation.interpretation.summary, ...Object.values(explanation.impact)].join('\n');
    expect(claims).not.toMatch(/\b(?:logged (?:in|on)|gained access|broke in|successfully)\b/i);
    expect(explanation.interpretation.summary).toContain('nothing in it shows that a login succeeded');
  });
});

describe('shared case 08, Wazuh sshd brute force', () => {
  it('does not present Valid Accounts as observed', async () => {
    const { explanation } = await explainCase('08');
    expect(explanation.techniques.filter((technique) => technique.id.startsWith('T1078'))).toEqual([]);
    expect(alertSpecificText(explanation)).not.toMatch(/valid account/i);
  });

  it('says only failed logins were seen', async () => {
    const { explanation } = await explainCase('08');
    expect(explanation.interpretation.summary).toContain('The alert reports failed or guessed login attempts only');
  });

  it('gives the correlation count of 8', async () => {
    const { explanation } = await explainCase('08');
    expect(explanation.interpretation.summary).toContain('The sensor counted 8 related events');
  });
});

describe('shared case 14, Sigma tags in several spellings', () => {
  it('reports T1053.005 once in canonical form', async () => {
    const { explanation } = await explainCase('14');
    expect(explanation.techniques.filter((technique) => technique.id.startsWith('T1053')).map((technique) => technique.id)).toEqual(['T1053.005']);
  });

  it('repeats no other spelling of the ID', async () => {
    const { explanation } = await explainCase('14');
    const text = explanationText(explanation);
    for (const spelling of ['T1053/005', 't1053_005', 'T1053.5"', 'attack.t1053.005']) expect(text).not.toContain(spelling);
  });
});

describe('shared case 15, EVE record cut inside syslog', () => {
  it('says that the record is cut', async () => {
    const { explanation } = await explainCase('15');
    expect(explanation.interpretation.summary).toContain('Only part of the alert record arrived');
    expect(explanation.interpretation.details).toContain('The record is cut short');
  });

  it('recommends reading the full event from eve.json on the sensor', async () => {
    const { explanation } = await explainCase('15');
    const actions = explanation.mitigations.immediate.map((item) => item.action);
    expect(actions).toContain('Read the full event from eve.json on sensor-02: the record received here was cut off after part of alert.metadata, so some of its fields are missing.');
  });

  it('never treats sensor-02 as the victim', async () => {
    const { explanation } = await explainCase('15');
    expect(Object.values(explanation.impact).join('\n')).not.toContain('sensor-02');
    const otherActions = explanation.mitigations.immediate.map((item) => item.action).filter((action) => !action.startsWith('Read the full event'));
    expect(otherActions.join('\n')).not.toContain('sensor-02');
    expect(explanation.interpretation.summary).toContain('The security tool Suricata on sensor-02 flagged activity from 10.20.7.61 to 192.0.2.44');
  });

  it('quotes nothing from the missing part', async () => {
    const { explanation } = await explainCase('15');
    const text = explanationText(explanation);
    for (const missing of ['mitre_tac', 'mitre_technique', 'tls.sni', 'sni:']) expect(text).not.toContain(missing);
  });
});
