import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DerivedFileCache } from '../../../src/cache/derived-file-cache.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { readSigmaRulesCached } from '../../../src/mapping/examples/read-sigma-rules-cached.js';

// Whole seconds, so that setting the time back restores the exact stamp.
const fixedTime = 1_700_000_000;

function rule(technique: string): string {
  return `title: Remote Job Via AT\nlogsource:\n  product: windows\ntags:\n  - attack.${technique}\n`;
}

function setUp(): { folder: string; file: string; cache: DerivedFileCache } {
  const folder = mkdtempSync(join(tmpdir(), 'ids-explain-sigma-'));
  const file = join(folder, 'at_job.yml');
  writeFileSync(file, rule('t1053.002'));
  utimesSync(file, fixedTime, fixedTime);
  return { folder, file, cache: new DerivedFileCache(mkdtempSync(join(tmpdir(), 'ids-explain-cache-')), silentLogger) };
}

/** Rewrites a file with content of the same length and puts its modification time back. */
function rewriteKeepingStamp(file: string, text: string): void {
  writeFileSync(file, text);
  utimesSync(file, fixedTime, fixedTime);
}

describe('readSigmaRulesCached', () => {
  it('serves an unchanged folder from the cache', () => {
    const { folder, file, cache } = setUp();
    readSigmaRulesCached(folder, silentLogger, cache);
    rewriteKeepingStamp(file, rule('t1053.005'));
    expect(readSigmaRulesCached(folder, silentLogger, cache).rules[0]?.techniques).toEqual(['T1053.002']);
  });

  it('reads a file again when its modification time changes', () => {
    const { folder, file, cache } = setUp();
    readSigmaRulesCached(folder, silentLogger, cache);
    writeFileSync(file, rule('t1053.005'));
    utimesSync(file, fixedTime + 5, fixedTime + 5);
    expect(readSigmaRulesCached(folder, silentLogger, cache).rules[0]?.techniques).toEqual(['T1053.005']);
  });

  it('reads a new file added to the folder', () => {
    const { folder, cache } = setUp();
    readSigmaRulesCached(folder, silentLogger, cache);
    writeFileSync(join(folder, 'second.yml'), rule('t1047'));
    expect(readSigmaRulesCached(folder, silentLogger, cache).rules).toHaveLength(2);
  });

  it('parses every time without a cache', () => {
    const { folder, file } = setUp();
    readSigmaRulesCached(folder, silentLogger, undefined);
    rewriteKeepingStamp(file, rule('t1053.005'));
    expect(readSigmaRulesCached(folder, silentLogger, undefined).rules[0]?.techniques).toEqual(['T1053.005']);
  });
});
