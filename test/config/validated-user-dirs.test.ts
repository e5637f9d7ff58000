import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DerivedFileCache } from '../../src/cache/derived-file-cache.js';
import { readEnvironment } from '../../src/config/environment.js';
import { userCacheDir, userDataDir } from '../../src/config/user-dirs.js';
import { silentLogger } from '../../src/logging/logger.js';

describe('user folders from the validated environment', () => {
  // The CLI passes readEnvironment's result to userCacheDir and userDataDir, so the schema must
  // keep the variables those read.
  it('honours XDG_CACHE_HOME', () => {
    const environment = readEnvironment({ XDG_CACHE_HOME: '/srv/cache', HOME: '/home/analyst' });
    expect(userCacheDir(environment as Record<string, string | undefined>, 'linux')).toBe('/srv/cache/ids-explain');
  });

  it('honours XDG_DATA_HOME', () => {
    const environment = readEnvironment({ XDG_DATA_HOME: '/srv/data', HOME: '/home/analyst' });
    expect(userDataDir(environment as Record<string, string | undefined>, 'linux')).toBe('/srv/data/ids-explain');
  });
});

describe('DerivedFileCache with a damaged stamps file', () => {
  it('treats a stamps file of null as empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ids-explain-stamps-'));
    writeFileSync(join(dir, 'stamps.json'), 'null');
    expect(new DerivedFileCache(dir, silentLogger).knownHash(join(dir, 'bundle.json'))).toBeUndefined();
  });
});
