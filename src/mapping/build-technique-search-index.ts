import MiniSearch from 'minisearch';
import type { AttackIndex } from '../attack/attack-index.js';
import type { DerivedFileCache } from '../cache/derived-file-cache.js';
import { tokenize } from './tokenize.js';

/** Version of the search document layout; bump it to invalidate cached search indexes. */
export const searchIndexVersion = 1;

interface TechniqueDocument {
  id: string;
  name: string;
  description: string;
  procedures: string;
  analytics: string;
}

export const searchFields = ['name', 'description', 'procedures', 'analytics'] as const;

const searchOptions = {
  fields: [...searchFields],
  idField: 'id',
  tokenize,
  processTerm: (term: string) => term,
};

function techniqueDocuments(index: AttackIndex): TechniqueDocument[] {
  return index.activeTechniques(index.primary.domain).map((technique) => ({
    id: technique.id,
    name: `${technique.displayName} ${technique.name}`,
    description: `${technique.description} ${technique.detection ?? ''}`,
    procedures: index.proceduresFor(technique.id).map((procedure) => procedure.text).join('\n'),
    analytics: index
      .analyticsFor(technique.id)
      .map((analytic) => `${analytic.strategyName}. ${analytic.text} ${analytic.logSources.map((source) => `${source.name} ${source.channel}`).join(' ')}`)
      .join('\n'),
  }));
}

/**
 * Builds (or loads from the cache) a BM25 search index over the primary domain's active
 * techniques: names, descriptions, procedure examples and detection analytics.
 */
export function buildTechniqueSearchIndex(index: AttackIndex, cache?: DerivedFileCache): MiniSearch<TechniqueDocument> {
  const key = `technique-search-${index.primary.bundleHash}-v${searchIndexVersion}`;
  const cached = cache?.read<unknown>(key);
  if (cached) {
    try {
      return MiniSearch.loadJS(cached as never, searchOptions);
    } catch {
      // A cache entry from another minisearch version is rebuilt below.
    }
  }
  const search = new MiniSearch<TechniqueDocument>(searchOptions);
  search.addAll(techniqueDocuments(index));
  cache?.write(key, search.toJSON());
  return search;
}
