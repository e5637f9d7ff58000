import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAlert } from '../../src/alert/parse-alert.js';
import type { AttackIndex } from '../../src/attack/attack-index.js';
import { offlineBackend } from '../../src/backends/offline-backend.js';
import { explainAlert } from '../../src/explain/explain-alert.js';
import type { Explanation } from '../../src/explanation/explanation-schema.js';
import type { TechniqueMapper } from '../../src/mapping/technique-mapping.js';
import { realAttackIndex, realMapper, repositoryRoot } from '../support/real-attack.js';

// Explanations that once went wrong: each test states what a correct explanation does.

let index: AttackIndex;
let mapper: TechniqueMapper;

async function explainFixture(file: string): Promise<Explanation> {
  const input = readFileSync(join(repositoryRoot, 'fixtures/alerts', file), 'utf8');
  const alert = parseAlert(input, { origin: file, referenceTime: new Date('2026-03-20T12:00:00Z') });
  return explainAlert({ alert, index, mapper, backend: offlineBackend, now: () => new Date('2026-03-20T12:00:00Z') });
}

function techniqueExplanations(explanation: Explanation): string {
  return explanation.techniques.map((technique) => technique.explanation).join('\n');
}

beforeAll(() => {
  index = realAttackIndex();
  mapper = realMapper();
});

describe('offline explanation of SSH guessing against non-existent users', () => {
  it('resets no password of an invalid user', async () => {
    const explanation = await explainFixture('cases/08-wazuh-sshd-bruteforce.json');
    expect(explanation.mitigations.immediate.map((item) => item.action).join('\n')).not.toMatch(/changes made by deploy, and reset its password/);
  });
});

describe('offline explanation of an HTTP beacon tagged T1071', () => {
  it('gives its evidence in one grammatical sentence', async () => {
    const explanation = await explainFixture('cases/02-suricata-eve-mitre-c2.json');
    expect(techniqueExplanations(explanation)).not.toContain('because refines');
  });
});

describe('offline explanation of an alert that names a C: path', () => {
  const text = 'Description: New process started on a workstation\nSource IP: 192.0.2.4\nDetails: ran C:\\Windows\\System32\\notepad.exe\n';

  async function explainText(): Promise<Explanation> {
    const alert = parseAlert(text, { origin: 'c-path', referenceTime: new Date('2026-03-20T12:00:00Z') });
    return explainAlert({ alert, index, mapper, backend: offlineBackend, now: () => new Date('2026-03-20T12:00:00Z') });
  }

  it('names no direct volume access', async () => {
    expect((await explainText()).techniques.map((technique) => technique.id)).not.toContain('T1006');
  });

  it('quotes as evidence only text the alert contains', async () => {
    expect(techniqueExplanations(await explainText())).not.toContain('the alert mentions "\\\\.\\c:"');
  });
});
