import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ExplanationCache } from '../../src/batch/explanation-cache.js';
import type { ExplanationTemplate } from '../../src/batch/explanation-template.js';
import { silentLogger } from '../../src/logging/logger.js';

function cachePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'ids-explain-cache-')), 'explanations.sqlite');
}

function template(label: string, padding = 0): ExplanationTemplate {
  return { explanation: { label, padding: 'x'.repeat(padding) } as never, literalText: label };
}

const labels = { fingerprint: 'f1', backend: 'offline', attackRelease: 'ATT&CK v18.1' };

describe('ExplanationCache', () => {
  it('returns what was stored', () => {
    const cache = new ExplanationCache({ path: cachePath(), maxBytes: 1e9, logger: silentLogger });
    cache.put('k1', template('one'), labels);
    expect(cache.get('k1')).toEqual(template('one'));
    cache.close();
  });

  it('returns undefined for an unknown key', () => {
    const cache = new ExplanationCache({ path: cachePath(), maxBytes: 1e9, logger: silentLogger });
    expect(cache.get('missing')).toBeUndefined();
    cache.close();
  });

  it('keeps entries across openings', () => {
    const path = cachePath();
    const first = new ExplanationCache({ path, maxBytes: 1e9, logger: silentLogger });
    first.put('k1', template('one'), labels);
    first.close();
    const second = new ExplanationCache({ path, maxBytes: 1e9, logger: silentLogger });
    expect(second.get('k1')).toEqual(template('one'));
    second.close();
  });

  it('evicts the least recently used entries past the cap', () => {
    let now = 1000;
    const cache = new ExplanationCache({ path: cachePath(), maxBytes: 3000, logger: silentLogger, protectSince: Number.POSITIVE_INFINITY, now: () => now });
    for (const key of ['a', 'b', 'c']) {
      now += 10;
      cache.put(key, template(key, 800), labels);
    }
    now += 10;
    cache.get('a');
    now += 10;
    cache.put('d', template('d', 800), labels);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('d')).toBeDefined();
    expect(cache.info().bytes).toBeLessThanOrEqual(3000);
    cache.close();
  });

  it('keeps entries used by the running job until it closes', () => {
    let now = 1000;
    const path = cachePath();
    const cache = new ExplanationCache({ path, maxBytes: 2000, logger: silentLogger, protectSince: 1000, now: () => now });
    for (const key of ['a', 'b', 'c']) {
      now += 10;
      cache.put(key, template(key, 800), labels);
    }
    expect(cache.info().entries).toBe(3);
    cache.close();
    const reopened = new ExplanationCache({ path, maxBytes: 2000, logger: silentLogger });
    expect(reopened.info().bytes).toBeLessThanOrEqual(2000);
    expect(reopened.get('a')).toBeUndefined();
    expect(reopened.get('c')).toBeDefined();
    reopened.close();
  });

  it('clears every entry', () => {
    const cache = new ExplanationCache({ path: cachePath(), maxBytes: 1e9, logger: silentLogger });
    cache.put('k1', template('one'), labels);
    cache.put('k2', template('two'), labels);
    expect(cache.clear()).toBe(2);
    expect(cache.info()).toEqual({ entries: 0, bytes: 0 });
    cache.close();
  });

  it('shares one file between connections', () => {
    const path = cachePath();
    const writer = new ExplanationCache({ path, maxBytes: 1e9, logger: silentLogger });
    const reader = new ExplanationCache({ path, maxBytes: 1e9, logger: silentLogger });
    writer.put('k1', template('one'), labels);
    expect(reader.get('k1')).toEqual(template('one'));
    reader.put('k2', template('two'), labels);
    expect(writer.info().entries).toBe(2);
    writer.close();
    reader.close();
  });

  it('uses write-ahead logging', () => {
    const path = cachePath();
    const cache = new ExplanationCache({ path, maxBytes: 1e9, logger: silentLogger });
    cache.put('k1', template('one'), labels);
    const database = new Database(path, { readonly: true });
    expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
    database.close();
    cache.close();
  });

  it('empties a cache of another schema version', () => {
    const path = cachePath();
    const cache = new ExplanationCache({ path, maxBytes: 1e9, logger: silentLogger });
    cache.put('k1', template('one'), labels);
    cache.close();
    const database = new Database(path);
    database.pragma('user_version = 99');
    database.close();
    const reopened = new ExplanationCache({ path, maxBytes: 1e9, logger: silentLogger });
    expect(reopened.get('k1')).toBeUndefined();
    reopened.close();
  });

  it('makes a temporary database for an empty path', () => {
    const cache = new ExplanationCache({ path: '', maxBytes: 1e9, logger: silentLogger });
    cache.put('k1', template('one'), labels);
    expect(cache.get('k1')).toEqual(template('one'));
    cache.close();
    expect(() => statSync('')).toThrow();
  });
});
