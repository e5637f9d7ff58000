import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAttackIndex } from '../../src/attack/load-attack-index.js';
import { AttackDataError } from '../../src/errors/attack-data-error.js';
import { createLogger } from '../../src/logging/logger.js';
import { tinyBundle, writeTinyBundle } from '../support/tiny-bundle.js';

function freshDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function load(attackPath: string, cacheDir: string | false = false) {
  return loadAttackIndex({ attackPath, dataDir: freshDir('data-'), cacheDir });
}

describe.each(['2.0', '2.1'] as const)('loadAttackIndex on a tiny STIX %s bundle', (stixVersion) => {
  const index = load(writeTinyBundle({ stixVersion }));

  it('indexes active techniques with display names', () => {
    expect(index.technique('T1053.002')?.displayName).toBe('Scheduled Task/Job: At');
  });

  it('records the parent of a sub-technique', () => {
    expect(index.technique('T1053.002')?.parentId).toBe('T1053');
  });

  it('orders tactics as the matrix does', () => {
    expect(index.tacticsOf(index.technique('T1053.002')!).map((tactic) => tactic.id)).toEqual(['TA0002', 'TA0003']);
  });

  it('cleans citations and links from descriptions', () => {
    expect(index.technique('T1053.002')?.description).toBe(
      'Adversaries may abuse the at utility to perform task scheduling for initial or recurring execution of malicious code.\n\nThe at command runs a program at a set time.',
    );
  });

  it('builds the canonical URL', () => {
    expect(index.technique('T1053.002')?.url).toBe('https://attack.mitre.org/techniques/T1053/002/');
  });

  it('links mitigations with the relationship text', () => {
    expect(index.mitigationsFor('T1053.002')).toEqual([
      {
        mitigation: expect.objectContaining({ id: 'M1028', name: 'Operating System Configuration', url: 'https://attack.mitre.org/mitigations/M1028/' }),
        text: 'Configure at jobs to run as the authenticated account.',
      },
    ]);
  });

  it('keeps procedure examples', () => {
    expect(index.proceduresFor('T1053.002')).toEqual([
      { techniqueId: 'T1053.002', sourceId: 'G9999', sourceName: 'Example Group', sourceType: 'group', text: 'Example Group used at.exe to run a batch file on remote hosts.' },
    ]);
  });

  it('keeps detection analytics with log sources', () => {
    expect(index.analyticsFor('T1053.002')[0]?.logSources).toEqual([{ name: 'WinEventLog:Security', channel: 'EventCode=5145' }]);
  });

  it('resolves a revoked ID to its successor', () => {
    const resolution = index.resolveTechnique('t1053_001');
    expect(resolution.status).toBe('revoked');
    expect(resolution.technique?.id).toBe('T1053.002');
    expect(resolution.note).toContain('replaced by T1053.002');
  });

  it('follows a chain of revocations', () => {
    expect(index.resolveTechnique('T1998').technique?.id).toBe('T1053');
  });

  it('flags a deprecated ID', () => {
    const resolution = index.resolveTechnique('T1053.004');
    expect(resolution.status).toBe('deprecated');
    expect(resolution.note).toContain('deprecated');
  });

  it('reports an ID the release lacks as unknown', () => {
    const resolution = index.resolveTechnique('T9001');
    expect(resolution.status).toBe('unknown');
    expect(resolution.technique).toBeUndefined();
  });

  it('reports text that is no ID as invalid', () => {
    expect(index.resolveTechnique('persistence').status).toBe('invalid');
  });

  it('leaves revoked and deprecated techniques out of the active list', () => {
    expect(index.activeTechniques().map((technique) => technique.id)).toEqual(['T1053', 'T1053.002', 'T1053.005']);
  });

  it('verifies quotes against the technique text', () => {
    expect(index.isVerbatimQuote('T1053.002', 'The at command runs a program at a set time.')).toBe(true);
  });

  it('rejects quotes that are not in the technique text', () => {
    expect(index.isVerbatimQuote('T1053.002', 'The at command deletes every file on the host.')).toBe(false);
  });
});

describe('release detection', () => {
  it('uses the stated version of a STIX 2.1 collection', () => {
    expect(load(writeTinyBundle({ stixVersion: '2.1', version: '17.0' })).release.label).toBe('ATT&CK v17.0');
  });

  it('falls back to the newest modified date', () => {
    expect(load(writeTinyBundle({ stixVersion: '2.0' })).release.label).toBe('ATT&CK data modified 2024-05-01');
  });
});

describe('index cache', () => {
  it('serves a second load from the cache', () => {
    const cacheDir = freshDir('cache-');
    const bundlePath = writeTinyBundle({ stixVersion: '2.0' });
    load(bundlePath, cacheDir);
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', stream: { write: (line: string) => lines.push(line) } });
    loadAttackIndex({ attackPath: bundlePath, dataDir: freshDir('data-'), cacheDir, logger });
    expect(lines.join('')).toContain('from cache');
  });

  it('rebuilds when the bundle changes', () => {
    const cacheDir = freshDir('cache-');
    const bundlePath = writeTinyBundle({ stixVersion: '2.0' });
    expect(load(bundlePath, cacheDir).technique('T1053.002')?.name).toBe('At');
    const changed = readFileSync(bundlePath, 'utf8').replace('"name":"At"', '"name":"At Renamed"');
    writeFileSync(bundlePath, changed);
    utimesSync(bundlePath, new Date(), new Date(Date.now() + 5000));
    expect(load(bundlePath, cacheDir).technique('T1053.002')?.name).toBe('At Renamed');
  });

  it('rebuilds a corrupt cache entry', () => {
    const cacheDir = freshDir('cache-');
    const bundlePath = writeTinyBundle({ stixVersion: '2.0' });
    load(bundlePath, cacheDir);
    for (const name of readdirSync(cacheDir).filter((file) => file.startsWith('attack-index-'))) {
      writeFileSync(join(cacheDir, name), '{"truncated');
    }
    expect(load(bundlePath, cacheDir).technique('T1053.002')?.name).toBe('At');
  });

  function damageEntries(cacheDir: string, prefix: string, damage: (entry: Record<string, unknown>) => unknown): void {
    for (const name of readdirSync(cacheDir).filter((file) => file.startsWith(prefix))) {
      const path = join(cacheDir, name);
      writeFileSync(path, JSON.stringify(damage(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)));
    }
  }

  it.each([
    ['a null technique list', (entry: Record<string, unknown>) => ({ ...entry, techniques: null })],
    ['techniques without tactics', (entry: Record<string, unknown>) => ({ ...entry, techniques: (entry.techniques as object[]).map((technique) => ({ ...technique, tactics: undefined })) })],
    ['a number as release', (entry: Record<string, unknown>) => ({ ...entry, release: 5 })],
  ])('rebuilds a cache entry with %s', (_name, damage) => {
    const cacheDir = freshDir('cache-');
    const bundlePath = writeTinyBundle({ stixVersion: '2.0' });
    const release = load(bundlePath, cacheDir).release.label;
    damageEntries(cacheDir, 'attack-index-', damage);
    const index = load(bundlePath, cacheDir);
    expect(index.tacticsOf(index.technique('T1053.002')!).map((tactic) => tactic.id)).toEqual(['TA0002', 'TA0003']);
    expect(index.release.label).toBe(release);
  });

  it('warns once about a damaged cache entry', () => {
    const cacheDir = freshDir('cache-');
    const bundlePath = writeTinyBundle({ stixVersion: '2.0' });
    load(bundlePath, cacheDir);
    damageEntries(cacheDir, 'attack-index-', (entry) => ({ ...entry, techniques: null }));
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', stream: { write: (line: string) => lines.push(line) } });
    loadAttackIndex({ attackPath: bundlePath, dataDir: freshDir('data-'), cacheDir, logger });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warn: ignoring the damaged or outdated cached ATT&CK index attack-index-/);
  });

  it.each([
    ['damaged', (cacheDir: string) => damageEntries(cacheDir, 'attack-corpus-', () => ({ procedures: 5 }))],
    ['missing', (cacheDir: string) => readdirSync(cacheDir).filter((file) => file.startsWith('attack-corpus-')).forEach((file) => rmSync(join(cacheDir, file)))],
  ])('restores %s procedure examples from the bundle', (_name, damage) => {
    const cacheDir = freshDir('cache-');
    const bundlePath = writeTinyBundle({ stixVersion: '2.0' });
    load(bundlePath, cacheDir);
    damage(cacheDir);
    const index = load(bundlePath, cacheDir);
    expect(index.proceduresFor('T1053.002').map((procedure) => procedure.sourceId)).toEqual(['G9999']);
  });
});

function userMessageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as AttackDataError).userMessage;
  }
  throw new Error('expected an error');
}

describe('loadAttackIndex errors', () => {
  it('names the option for a missing path', () => {
    expect(() => load('/nonexistent/attack.json')).toThrow(/not found at \/nonexistent\/attack\.json \(from --attack\)/);
  });

  it('names the variable when the path came from it', () => {
    const run = () => loadAttackIndex({ environmentPath: '/nonexistent/env', dataDir: freshDir('data-'), cacheDir: false });
    expect(run).toThrow(/IDS_EXPLAIN_ATTACK/);
  });

  it('says where to get data when nothing is configured', () => {
    const run = () => loadAttackIndex({ dataDir: freshDir('data-'), cacheDir: false });
    expect(run).toThrow(AttackDataError);
    expect(userMessageOf(run)).toMatch(/--attack.*IDS_EXPLAIN_ATTACK.*attack download.*github\.com\/mitre-attack\/attack-stix-data/);
  });

  it('reports invalid JSON with its position', () => {
    const path = join(freshDir('bad-'), 'enterprise-attack.json');
    writeFileSync(path, '{"type": "bundle",\n "objects": [}');
    expect(() => load(path)).toThrow(/not valid JSON at line 2, column 14/);
  });

  it('reports deeply nested garbage without a position', () => {
    const path = join(freshDir('bad-'), 'enterprise-attack.json');
    writeFileSync(path, '['.repeat(100_000));
    expect(() => load(path)).toThrow(AttackDataError);
    expect(userMessageOf(() => load(path))).toMatch(/is not valid JSON: /);
  });

  it('rejects a bundle with a null object', () => {
    const path = join(freshDir('bad-'), 'enterprise-attack.json');
    const bundle = tinyBundle({ stixVersion: '2.0' });
    writeFileSync(path, JSON.stringify({ ...bundle, objects: [...(bundle.objects as object[]), null] }));
    expect(() => load(path)).toThrow(AttackDataError);
    expect(userMessageOf(() => load(path))).toMatch(/is not a valid STIX bundle: objects\[\d+\] is not an object with a "type"/);
  });

  it('rejects a bundle with a field of the wrong type', () => {
    const path = join(freshDir('bad-'), 'enterprise-attack.json');
    const bundle = tinyBundle({ stixVersion: '2.0' });
    const objects = (bundle.objects as { type: string }[]).map((object) => (object.type === 'attack-pattern' ? { ...object, external_references: 5 } : object));
    writeFileSync(path, JSON.stringify({ ...bundle, objects }));
    expect(() => load(path)).toThrow(AttackDataError);
    expect(userMessageOf(() => load(path))).toMatch(/is not a usable ATT&CK bundle: an object has a field of the wrong type/);
  });

  it('rejects JSON that is not a bundle', () => {
    const path = join(freshDir('bad-'), 'enterprise-attack.json');
    writeFileSync(path, '{"hello": "world"}');
    expect(() => load(path)).toThrow(/is not a STIX bundle/);
  });

  it('rejects a bundle without ATT&CK objects', () => {
    const path = join(freshDir('bad-'), 'enterprise-attack.json');
    writeFileSync(path, JSON.stringify({ type: 'bundle', objects: [{ type: 'identity', id: 'identity--1' }] }));
    expect(() => load(path)).toThrow(/without ATT&CK content/);
  });

  it('rejects a folder without bundles', () => {
    expect(() => load(freshDir('empty-'))).toThrow(/holds no ATT&CK bundle/);
  });

  it('finds bundles in the attack-stix-data folder layout', () => {
    const folder = freshDir('layout-');
    mkdirSync(join(folder, 'enterprise-attack'));
    writeFileSync(join(folder, 'enterprise-attack', 'enterprise-attack.json'), JSON.stringify(tinyBundle({ stixVersion: '2.1' })));
    expect(load(folder).domains.map((domain) => domain.domain)).toEqual(['enterprise-attack']);
  });

  it('finds downloaded bundles in the data folder', () => {
    const dataDir = freshDir('data-');
    const path = join(dataDir, 'attack', 'enterprise-attack.json');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(tinyBundle({ stixVersion: '2.1' })));
    expect(loadAttackIndex({ dataDir, cacheDir: false }).release.label).toBe('ATT&CK v18.1');
  });
});
