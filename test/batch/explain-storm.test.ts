import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GroupRecord } from '../../src/batch/batch-record.js';
import { explainStorm } from '../../src/batch/explain-storm.js';
import { offlineBackend } from '../../src/backends/offline-backend.js';
import { silentLogger } from '../../src/logging/logger.js';
import { realAttackIndex, realMapper, repositoryRoot } from '../support/real-attack.js';

const stormPath = join(repositoryRoot, 'fixtures/alerts/cases/18-duplicate-burst-rdp.jsonl');

async function explain(texts: string[]) {
  return explainStorm({ texts, origin: 'storm.jsonl', index: realAttackIndex(), mapper: realMapper(), backend: offlineBackend, maxTechniques: 3, logger: silentLogger });
}

describe('explainStorm', () => {
  it('consolidates a storm into one group', async () => {
    const texts = readFileSync(stormPath, 'utf8').split('\n').filter((line) => line.trim() !== '');
    const records = await explain(texts);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 'group', count: 50, firstSeen: '2026-03-15T02:00:03.565Z', lastSeen: '2026-03-15T02:05:46.615Z' });
  });

  it('states the window in the explanation', async () => {
    const texts = readFileSync(stormPath, 'utf8').split('\n').filter((line) => line.trim() !== '');
    const [group] = (await explain(texts)) as GroupRecord[];
    expect(group!.explanation.interpretation.summary).toContain('50 times between 2026-03-15 02:00:03 UTC and 2026-03-15 02:05:46 UTC (5 min 43 s)');
  });

  it('returns unreadable alerts as failed records', async () => {
    const records = await explain(['{"broken": ', 'Description: Port scan from 203.0.113.5\nDestination IP: 10.1.1.1']);
    expect(records.map((record) => record.status).sort()).toEqual(['failed', 'group']);
  });
});
