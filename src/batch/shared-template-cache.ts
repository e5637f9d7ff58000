import type { CacheEntryLabels } from './explanation-cache.js';
import type { ExplanationTemplate } from './explanation-template.js';

/** A template from a shared cache, and whether this process drafted it. */
export interface ObtainedTemplate {
  template: ExplanationTemplate;
  drafted: boolean;
}

/**
 * Explanation templates shared by several processes, such as queue workers on many machines,
 * so that each template is drafted once for all of them. The template store asks it before it
 * drafts a template that neither its memory nor its local cache has.
 */
export interface SharedTemplateCache {
  /**
   * Returns the template stored under a cache key. On a miss it calls `draft`, unless another
   * process is drafting the same key, and then it waits for that draft. A new draft is stored
   * before the promise resolves. Rejects with the error of this process's draft.
   */
  obtain(key: string, labels: CacheEntryLabels, draft: () => Promise<ExplanationTemplate>): Promise<ObtainedTemplate>;
}
