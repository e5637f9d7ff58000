import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logging/logger.js';
import { readExamples } from '../../../src/mapping/examples/read-examples.js';
import { parseLabelledRules } from '../../../src/mapping/examples/read-labelled-rules.js';
import { readSigmaRules, sigmaDocumentToRule } from '../../../src/mapping/examples/read-sigma-rules.js';

const sigmaRule = `title: Remote Job Via AT
id: 11111111-2222-4333-8444-555555555555
related:
  - id: 66666666-7777-4888-9999-000000000000
    type: derived
description: Detects a remote job registered through the ATSVC pipe
logsource:
  product: windows
  service: security
tags:
  - attack.execution
  - attack.t1053.002
  - attack.s0110
detection:
  selection:
    RelativeTargetName: atsvc
  condition: selection
`;

function sigmaFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ids-explain-sigma-'));
  mkdirSync(join(folder, 'windows'));
  writeFileSync(join(folder, 'windows', 'at_job.yml'), sigmaRule);
  writeFileSync(join(folder, 'windows', 'untagged.yml'), 'title: No tags\nlogsource:\n  product: windows\n');
  writeFileSync(join(folder, 'broken.yaml'), 'title: [unclosed\n');
  writeFileSync(join(folder, 'notes.txt'), 'not a rule');
  return folder;
}

describe('readSigmaRules', () => {
  it('reads tagged rules from nested folders', () => {
    const { rules } = readSigmaRules(sigmaFolder(), silentLogger);
    expect(rules).toEqual([
      {
        id: '11111111-2222-4333-8444-555555555555',
        title: 'Remote Job Via AT',
        description: 'Detects a remote job registered through the ATSVC pipe',
        logsource: { product: 'windows', service: 'security' },
        techniques: ['T1053.002'],
        tactics: ['execution'],
        related: [{ id: '66666666-7777-4888-9999-000000000000', type: 'derived' }],
      },
    ]);
  });

  it('skips untagged and invalid files with a reason', () => {
    const { skipped } = readSigmaRules(sigmaFolder(), silentLogger);
    expect(skipped).toEqual(
      expect.arrayContaining([
        { path: 'broken.yaml', reason: 'invalid YAML' },
        { path: join('windows', 'untagged.yml'), reason: 'no attack.tNNNN technique tag' },
      ]),
    );
  });
});

describe('sigmaDocumentToRule', () => {
  it('rejects a document without a title', () => {
    expect(sigmaDocumentToRule({ tags: ['attack.t1059'] }, 'x')).toBe('no title');
  });

  it('uses the fallback id when the rule has none', () => {
    const rule = sigmaDocumentToRule({ title: 'T', tags: ['attack.t1059.001'] }, 'file.yml#0');
    expect(typeof rule).toBe('object');
    expect((rule as { id: string }).id).toBe('file.yml#0');
  });
});

describe('parseLabelledRules', () => {
  it('reads lines with defaults for optional fields', () => {
    const rules = parseLabelledRules('{"id":"a","title":"T","techniques":["T1059"]}\n\n', 'set.jsonl');
    expect(rules).toEqual([{ id: 'a', title: 'T', description: '', logsource: {}, techniques: ['T1059'], tactics: [], related: [] }]);
  });

  it('names the line of invalid JSON', () => {
    expect(() => parseLabelledRules('{"id":"a","title":"T","techniques":[]}\n{oops', 'set.jsonl')).toThrow(/set\.jsonl line 2: invalid JSON/);
  });

  it('names the missing field', () => {
    expect(() => parseLabelledRules('{"id":"a","title":"T"}', 'set.jsonl')).toThrow(/line 1: invalid field "techniques"/);
  });
});

describe('readExamples', () => {
  it('reads a Sigma folder', () => {
    expect(readExamples(sigmaFolder(), silentLogger)).toHaveLength(1);
  });

  it('reads one Sigma file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ids-explain-sigma-'));
    writeFileSync(join(folder, 'rule.yml'), sigmaRule);
    expect(readExamples(join(folder, 'rule.yml'), silentLogger)[0]?.techniques).toEqual(['T1053.002']);
  });

  it('rejects a missing path', () => {
    expect(() => readExamples('/nonexistent/examples.jsonl', silentLogger)).toThrow(/examples not found: \/nonexistent\/examples.jsonl/);
  });

  it('rejects a file without labelled examples', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ids-explain-sigma-'));
    writeFileSync(join(folder, 'empty.jsonl'), '\n');
    expect(() => readExamples(join(folder, 'empty.jsonl'), silentLogger)).toThrow(/no labelled example/);
  });
});
