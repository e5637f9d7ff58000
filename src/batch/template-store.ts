import type { Logger } from '../logging/logger.js';
import type { ExplanationCache } from './explanation-cache.js';
import { explanationCacheKey, type CacheIdentity } from './explanation-cache-key.js';
import { compileTemplate, type CompiledTemplate } from './compile-template.js';
import type { ClaimedDraft, ObtainedTemplate, SharedTemplateCache } from './shared-template-cache.js';

/** Origin of a template: drafted in this job, or read from the cache of earlier runs. */
export type TemplateOrigin = 'template' | 'cache';

export interface TemplateStoreOptions {
  cache: ExplanationCache;
  identity: CacheIdentity;
  logger: Logger;
  /** Templates kept in memory, most recently used first; the rest are re-read from the cache. */
  memoryEntries?: number;
  /** Cache shared with other processes, looked up before a template is drafted. */
  shared?: SharedTemplateCache;
}

/** A compiled template, and whether this process drafted it rather than a shared cache's. */
export interface TrackedTemplate {
  template: CompiledTemplate;
  drafted: boolean;
}

/**
 * The templates of one job: a bounded in-memory LRU in front of the SQLite cache, plus the
 * drafts still in progress, so that alerts arriving while their template is drafted wait for
 * that draft instead of starting another. With a shared cache, a template missing here is
 * looked up there before it is drafted, so other processes' drafts are reused too.
 */
export class TemplateStore {
  private readonly cache: ExplanationCache;
  private readonly identity: CacheIdentity;
  private readonly logger: Logger;
  private readonly memoryEntries: number;
  private readonly memory = new Map<string, { template: CompiledTemplate; origin: TemplateOrigin }>();
  private readonly drafts = new Map<string, Promise<TrackedTemplate>>();
  private readonly shared: SharedTemplateCache | undefined;

  constructor({ cache, identity, logger, memoryEntries = 2000, shared }: TemplateStoreOptions) {
    this.cache = cache;
    this.identity = identity;
    this.logger = logger;
    this.memoryEntries = memoryEntries;
    this.shared = shared;
  }

  /** Returns a stored template and where it came from, or undefined. */
  find(templateKey: string): { template: CompiledTemplate; origin: TemplateOrigin } | undefined {
    const remembered = this.memory.get(templateKey);
    if (remembered) {
      this.memory.delete(templateKey);
      this.memory.set(templateKey, remembered);
      return remembered;
    }
    // A key that is being drafted was missing from the cache when its draft started. Alerts
    // that arrive meanwhile, thousands in a storm, skip the database lookup and its key hash.
    if (this.drafts.has(templateKey)) return undefined;
    const template = this.cache.get(explanationCacheKey(templateKey, this.identity));
    if (!template) return undefined;
    const found = { template: compileTemplate(template), origin: 'cache' as const };
    this.remember(templateKey, found);
    return found;
  }

  /** Returns the draft in progress for a template key, if any. */
  draftInProgress(templateKey: string): Promise<TrackedTemplate> | undefined {
    return this.drafts.get(templateKey);
  }

  /**
   * Drafts the template of a key with `draft`, or takes it from the shared cache when there is
   * one and another process drafted it. Without a shared cache, the draft's claim always
   * succeeds. Registers the work in progress and returns it
   * compiled. On success the template is stored in memory and in the local cache. A failed
   * draft is forgotten, so a later alert with the same key tries again.
   */
  track(templateKey: string, fingerprint: string, draft: ClaimedDraft): Promise<TrackedTemplate> {
    const key = explanationCacheKey(templateKey, this.identity);
    const obtained: Promise<ObtainedTemplate> = this.shared ? this.shared.obtain(key, { fingerprint, ...this.identity }, draft) : draftAlone(draft);
    const tracked = obtained.then(({ template, drafted }) => ({ template: compileTemplate(template), drafted }));
    this.drafts.set(templateKey, tracked);
    tracked.then(
      ({ template, drafted }) => {
        this.drafts.delete(templateKey);
        this.remember(templateKey, { template, origin: drafted ? 'template' : 'cache' });
        try {
          this.cache.put(key, template.template, { fingerprint, ...this.identity });
        } catch (error) {
          // The job goes on without caching this template; only later runs lose it.
          this.logger.warn('could not store the explanation of fingerprint %s in %s: %s', fingerprint, this.cache.path || 'the temporary cache', (error as Error).message);
        }
      },
      () => this.drafts.delete(templateKey),
    );
    return tracked;
  }

  private remember(templateKey: string, entry: { template: CompiledTemplate; origin: TemplateOrigin }): void {
    this.memory.set(templateKey, entry);
    if (this.memory.size > this.memoryEntries) this.memory.delete(this.memory.keys().next().value!);
  }
}

/** Runs a draft whose claim always succeeds, as a process without a shared cache does. */
async function draftAlone(draft: ClaimedDraft): Promise<ObtainedTemplate> {
  const template = await draft(async () => true);
  if (!template) throw new Error('Internal error: a draft returned no template although its claim succeeded');
  return { template, drafted: true };
}
