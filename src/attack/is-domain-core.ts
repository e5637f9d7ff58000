import { attackDomains, type DomainData } from './attack-data.js';

/** Domain data without the procedure examples and analytics, which the cache stores apart. */
export type DomainCore = Omit<DomainData, 'procedures' | 'analytics'>;

type Shape = Record<string, 'string' | 'boolean' | 'number' | 'strings' | 'string?'>;

const shapes = {
  release: { modified: 'string', label: 'string', stixVersion: 'string', version: 'string?' },
  tactics: { id: 'string', name: 'string', shortname: 'string', description: 'string', url: 'string' },
  techniques: {
    id: 'string',
    name: 'string',
    displayName: 'string',
    parentId: 'string?',
    isSubtechnique: 'boolean',
    description: 'string',
    detection: 'string?',
    tactics: 'strings',
    platforms: 'strings',
    url: 'string',
    revoked: 'boolean',
    deprecated: 'boolean',
    revokedBy: 'string?',
  },
  mitigations: { id: 'string', name: 'string', description: 'string', url: 'string', deprecated: 'boolean', revoked: 'boolean' },
  mitigationLinks: { mitigationId: 'string', techniqueId: 'string', text: 'string' },
  software: { id: 'string', name: 'string', aliases: 'strings', type: 'string', description: 'string' },
  dataComponents: { id: 'string', name: 'string', description: 'string' },
} satisfies Record<string, Shape>;

function hasShape(value: unknown, shape: Shape): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return Object.entries(shape).every(([key, kind]) => {
    const field = record[key];
    if (kind === 'string?') return field === undefined || typeof field === 'string';
    if (kind === 'strings') return Array.isArray(field) && field.every((item) => typeof item === 'string');
    return typeof field === kind;
  });
}

function isListOf(value: unknown, shape: Shape): boolean {
  return Array.isArray(value) && value.every((item) => hasShape(item, shape));
}

/**
 * Tells whether a value read from the index cache has every field, with its type, that the
 * ATT&CK index and the composer read. A cache file that another version wrote, or that was
 * edited or damaged, fails the check and is rebuilt instead of failing a command later.
 */
export function isDomainCore(value: unknown): value is DomainCore {
  if (typeof value !== 'object' || value === null) return false;
  const core = value as Record<string, unknown>;
  return (
    typeof core.formatVersion === 'number' &&
    typeof core.bundleHash === 'string' &&
    (attackDomains as readonly unknown[]).includes(core.domain) &&
    hasShape(core.release, shapes.release) &&
    isListOf(core.tactics, shapes.tactics) &&
    isListOf(core.techniques, shapes.techniques) &&
    isListOf(core.mitigations, shapes.mitigations) &&
    isListOf(core.mitigationLinks, shapes.mitigationLinks) &&
    isListOf(core.software, shapes.software) &&
    isListOf(core.dataComponents, shapes.dataComponents)
  );
}

/** Tells whether a value read from the cache has the procedure and analytic lists. */
export function isDomainCorpus(value: unknown): value is Pick<DomainData, 'procedures' | 'analytics'> {
  if (typeof value !== 'object' || value === null) return false;
  const corpus = value as Record<string, unknown>;
  const procedure = { techniqueId: 'string', sourceId: 'string', sourceName: 'string', sourceType: 'string', text: 'string' } as const;
  const analytic = { techniqueId: 'string', strategyId: 'string', strategyName: 'string', analyticId: 'string', text: 'string', platforms: 'strings' } as const;
  return isListOf(corpus.procedures, procedure) && isListOf(corpus.analytics, analytic) && (corpus.analytics as { logSources?: unknown }[]).every((item) => Array.isArray(item.logSources));
}
