import type { CacheEntryLabels } from './explanation-cache.js';
import type { ExplanationTemplate } from './explanation-template.js';

/** A template from a shared cache, and whether this process drafted it. */
export interface ObtainedTemplate {
  template: ExplanationTemplate;
  drafted: boolean;
}

/**
 * Drafts a template through the backend. It calls `claim` once it has a backend slot, right
 * before the backend call. When `claim` resolves false, another process is drafting the template
 * or has stored it, so the function returns undefined without calling the backend.
 */
export type ClaimedDraft = (claim: () => Promise<boolean>) => Promise<ExplanationTemplate | undefined>;

/**
 * Explanation templates shared by several processes, such as queue workers on many machines,
 * so that each template is drafted once for all of them. The template store looks a template up
 * here before it drafts one that neither its memory nor its local cache contains.
 */
export interface SharedTemplateCache {
  /**
   * Returns the template stored under a cache key. On a miss it runs `draft`, whose claim takes
   * the key for this process, so that other processes wait for this draft instead of starting
   * their own. Waiting happens outside any backend slot. A new draft is stored before the
   * promise resolves. Rejects with the error of this process's draft.
   */
  obtain(key: string, labels: CacheEntryLabels, draft: ClaimedDraft): Promise<ObtainedTemplate>;
}
