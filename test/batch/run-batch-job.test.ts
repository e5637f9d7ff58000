import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAlert } from '../../src/alert/parse-alert.js';
import { offlineBackend } from '../../src/backends/offline-backend.js';
import { resultExplanation, type BatchResult, type ExplainedResult, type SinkRecord } from '../../src/batch/batch-record.js';
import type { BatchStats } from '../../src/batch/batch-stats.js';
import { createFileSource } from '../../src/batch/create-file-source.js';
import { ExplanationCache } from '../../src/batch/explanation-cache.js';
import { createGroupingSink } from '../../src/batch/grouping-sink.js';
import type { ResultSink } from '../../src/batch/result-sink.js';
import { runBatchJob } from '../../src/batch/run-batch-job.js';
import type { IdsExplainError } from '../../src/errors/ids-explain-error.js';
import { explainAlert } from '../../src/explain/explain-alert.js';
import { createSharedBackoff } from '../../src/llm/shared-backoff.js';
import { silentLogger } from '../../src/logging/logger.js';
import { realAttackIndex, realMapper, repositoryRoot } from '../support/real-attack.js';

const stormFile = join(repositoryRoot, 'fixtures/batch/18-duplicate-burst-rdp.jsonl');

function temporaryFile(name: string, content?: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ids-explain-batch-')), name);
  if (content !== undefined) writeFileSync(path, content);
  return path;
}

function memorySink(): ResultSink & { records: SinkRecord[] } {
  const records: SinkRecord[] = [];
  return {
    records,
    write(record) {
      records.push(record);
    },
    async close() {},
  };
}

async function runJob(inputs: string[], options: { cachePath?: string; group?: boolean } = {}): Promise<{ records: SinkRecord[]; stats: BatchStats }> {
  const cache = new ExplanationCache({ path: options.cachePath ?? '', maxBytes: 1e9, logger: silentLogger });
  const memory = memorySink();
  const sink = options.group ? createGroupingSink(memory) : memory;
  const stats = await runBatchJob({
    source: createFileSource({ inputs }),
    sink,
    index: realAttackIndex(),
    mapper: realMapper(),
    backend: offlineBackend,
    backoff: createSharedBackoff(),
    cache,
    concurrency: 1,
    maxTechniques: 3,
    logger: silentLogger,
  });
  await sink.close();
  cache.close();
  return { records: memory.records, stats };
}

function explained(records: SinkRecord[]): ExplainedResult[] {
  return records.filter((record): record is ExplainedResult => record.status === 'explained');
}

describe('runBatchJob', () => {
  beforeAll(() => {
    realAttackIndex();
    realMapper();
  });

  it('writes one record per alert line', async () => {
    const lines = [
      '{"description":"Repeated inbound RDP connection attempts","src_ip":"198.51.100.7","dest_ip":"10.0.0.5"}',
      '',
      '{"description": "x", "src_ip": }',
      '\u0000\u0001\u0002binary',
      '{"src_ip":"198.51.100.7"}',
      'Description: Remote scheduled task created through the ATSVC pipe; Source IP: 10.0.0.8',
    ];
    const file = temporaryFile('mixed.jsonl', `${lines.join('\n')}\n`);
    const { records } = await runJob([file]);
    expect(records).toHaveLength(lines.length - 1);
    expect(records.map((record) => (record as BatchResult).position.line).sort()).toEqual([1, 3, 4, 5, 6]);
  });

  it('gives bad alerts the CLI error message', async () => {
    const lines = ['', '{"description": "x", "src_ip": }', '\u0000\u0001\u0002binary', '{"src_ip":"198.51.100.7"}'];
    const file = temporaryFile('bad.jsonl', `${lines.join('\n')}\n`);
    const { records } = await runJob([file]);
    for (const record of records as BatchResult[]) {
      const line = record.position.line!;
      let expected = '';
      try {
        parseAlert(lines[line - 1]!, { origin: `${file}:${line}` });
      } catch (error) {
        expected = (error as IdsExplainError).userMessage;
      }
      expect(record).toEqual({ position: { file, line }, status: 'failed', error: expected });
    }
  });

  it('names each kind of bad alert', async () => {
    const lines = ['', '{"description": "x", "src_ip": }', '\u0000\u0001\u0002binary', '{"src_ip":"198.51.100.7"}'];
    const file = temporaryFile('bad.jsonl', `${lines.join('\n')}\n`);
    const { records } = await runJob([file]);
    const errors = new Map((records as BatchResult[]).map((record) => [record.position.line, record.status === 'failed' ? record.error : '']));
    expect(errors.get(2)).toContain('invalid JSON');
    expect(errors.get(3)).toContain('looks binary');
    expect(errors.get(4)).toContain('has no description');
  });

  it('gives blank lines no record', async () => {
    const alert = '{"description":"Failed SSH login for root","src_ip":"198.51.100.7"}';
    const file = temporaryFile('blank.jsonl', `\n${alert}\n  \t\r\n\n${alert}\n\n`);
    const { records } = await runJob([file]);
    expect((records as BatchResult[]).map((record) => record.position.line).sort()).toEqual([2, 5]);
  });

  it('drafts a storm of one signature once', async () => {
    const { records, stats } = await runJob([stormFile]);
    expect(records).toHaveLength(50);
    expect(stats.backendCalls).toBe(1);
    expect(stats.explainedBy).toEqual({ backend: 1, template: 49, cache: 0 });
  });

  it('fills each alert with its own time', async () => {
    const { records } = await runJob([stormFile]);
    const lines = readFileSync(stormFile, 'utf8').trim().split('\n');
    for (const record of explained(records)) {
      const alert = parseAlert(lines[record.position.line! - 1]!);
      const time = alert.timestamp!.slice(11, 19);
      expect(resultExplanation(record).interpretation.summary).toContain(`at ${time} UTC`);
    }
  });

  it('matches explaining each alert alone', async () => {
    const { records } = await runJob([stormFile]);
    const lines = readFileSync(stormFile, 'utf8').trim().split('\n');
    for (const record of explained(records).slice(0, 12)) {
      const alert = parseAlert(lines[record.position.line! - 1]!, { origin: `${stormFile}:${record.position.line}` });
      const filled = resultExplanation(record);
      const alone = await explainAlert({ alert, index: realAttackIndex(), mapper: realMapper(), backend: offlineBackend, now: () => new Date(filled.metadata.generatedAt) });
      expect(filled).toEqual(alone);
    }
  });

  it('reuses the cache across runs', async () => {
    const cachePath = temporaryFile('explanations.sqlite');
    await runJob([stormFile], { cachePath });
    const second = await runJob([stormFile], { cachePath });
    expect(second.stats.backendCalls).toBe(0);
    expect(second.stats.explainedBy).toEqual({ backend: 0, template: 0, cache: 50 });
  });

  it('groups the storm into one record', async () => {
    const { records } = await runJob([stormFile], { group: true });
    expect(records).toHaveLength(1);
    const [group] = records;
    if (group?.status !== 'group') throw new Error('expected a group record');
    expect(group.count).toBe(50);
    expect(group.firstSeen).toBe('2026-03-15T02:00:03.565Z');
    expect(group.lastSeen).toBe('2026-03-15T02:05:46.615Z');
    expect(group.alert.source).toBe('198.51.100.201');
    expect(group.alert.target).toBe('10.20.2.40');
    expect(group.summary).toBe('50 alerts from 198.51.100.201 to 10.20.2.40 between 2026-03-15 02:00:03 UTC and 2026-03-15 02:05:46 UTC (5 min 43 s).');
  });

  it('groups by source and target pair', async () => {
    const lines = ['198.51.100.1', '198.51.100.2', '198.51.100.1'].map((source) =>
      JSON.stringify({ description: 'Repeated inbound RDP connection attempts', src_ip: source, dest_ip: '10.0.0.5', timestamp: '2026-03-15T02:00:00Z' }),
    );
    const file = temporaryFile('pairs.jsonl', `${lines.join('\n')}\n`);
    const { records } = await runJob([file], { group: true });
    expect(records.map((record) => (record.status === 'group' ? [record.alert.source, record.count] : []))).toEqual([
      ['198.51.100.1', 2],
      ['198.51.100.2', 1],
    ]);
  });

  it('counts techniques per alert', async () => {
    const { stats } = await runJob([stormFile]);
    const counts = [...stats.techniqueCounts.values()];
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(count).toBe(50);
  });
});
