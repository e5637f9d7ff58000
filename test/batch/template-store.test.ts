import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ExplanationCache } from '../../src/batch/explanation-cache.js';
import { makeExplanationTemplate, type ExplanationTemplate } from '../../src/batch/explanation-template.js';
import { TemplateStore } from '../../src/batch/template-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import { explainFixture } from '../support/explain-fixture.js';

const identity = { backend: 'offline', attackRelease: 'ATT&CK v18.1', maxTechniques: 3 };
let template: ExplanationTemplate;
const caches: ExplanationCache[] = [];

function openCache(path = join(mkdtempSync(join(tmpdir(), 'ids-explain-store-')), 'explanations.sqlite')): ExplanationCache {
  const cache = new ExplanationCache({ path, maxBytes: 1e9, logger: silentLogger });
  caches.push(cache);
  return cache;
}

beforeAll(async () => {
  const { explanation } = await explainFixture('atsvc-remote-task.txt');
  template = makeExplanationTemplate(explanation, []);
});

afterEach(() => {
  for (const cache of caches.splice(0)) cache.close();
});

describe('TemplateStore', () => {
  it('skips the cache while a draft runs', async () => {
    const cache = openCache();
    const store = new TemplateStore({ cache, identity, logger: silentLogger });
    let finishDraft: (value: ExplanationTemplate) => void = () => {};
    const drafted = store.track('key-1', 'f1', () => new Promise((resolve) => (finishDraft = resolve)));
    const get = vi.spyOn(cache, 'get');

    expect(store.find('key-1')).toBeUndefined();
    expect(get).not.toHaveBeenCalled();
    finishDraft(template);
    await drafted;
  });

  it('finds a finished draft in memory', async () => {
    const store = new TemplateStore({ cache: openCache(), identity, logger: silentLogger });
    await store.track('key-1', 'f1', async () => template);

    expect(store.find('key-1')?.origin).toBe('template');
  });

  it('reads a template that an earlier job stored', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ids-explain-store-')), 'explanations.sqlite');
    await new TemplateStore({ cache: openCache(path), identity, logger: silentLogger }).track('key-1', 'f1', async () => template);
    const later = new TemplateStore({ cache: openCache(path), identity, logger: silentLogger });

    expect(later.find('key-1')?.origin).toBe('cache');
  });

  it('looks up a key without a draft in the cache', () => {
    const cache = openCache();
    const store = new TemplateStore({ cache, identity, logger: silentLogger });
    const get = vi.spyOn(cache, 'get');

    expect(store.find('key-2')).toBeUndefined();
    expect(get).toHaveBeenCalledOnce();
  });
});
