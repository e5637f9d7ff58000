import type {
  AttackDomain,
  AttackRelease,
  DetectionAnalytic,
  DomainData,
  MitigationRecord,
  ProcedureExample,
  SoftwareRecord,
  TacticRecord,
  TechniqueRecord,
} from './attack-data.js';
import { normalizeForQuoteMatch, splitSentences } from './clean-attack-text.js';
import { normalizeTechniqueId } from './technique-id.js';

/** Result of resolving a technique ID against the loaded ATT&CK release. */
export interface TechniqueResolution {
  /** The text as it was written. */
  input: string;
  /** Canonical form of the input, when it parses as a technique ID. */
  id?: string;
  /** active, revoked (replaced by `technique`), deprecated (still usable, flagged), unknown, invalid. */
  status: 'active' | 'revoked' | 'deprecated' | 'unknown' | 'invalid';
  /** Technique to use: the input's own record, or its successor when the input was revoked. */
  technique?: TechniqueRecord;
  /** Plain sentence explaining a status other than active. */
  note?: string;
}

export interface LinkedMitigation {
  mitigation: MitigationRecord;
  /** Text of the `mitigates` relationship: how this mitigation applies to that technique. */
  text: string;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * Read-only queries over the loaded ATT&CK domains. Only this module depends on how the data
 * is laid out, so everything else asks it to resolve IDs and return texts and links.
 */
export class AttackIndex {
  readonly domains: DomainData[];
  private readonly techniquesById = new Map<string, { technique: TechniqueRecord; domain: DomainData }>();
  private readonly mitigationsById = new Map<string, MitigationRecord>();
  private readonly linksByTechnique: Map<string, DomainData['mitigationLinks']>;
  private proceduresByTechnique: Map<string, ProcedureExample[]> | undefined;
  private analyticsByTechnique: Map<string, DetectionAnalytic[]> | undefined;
  private readonly subtechniquesByParent: Map<string, TechniqueRecord[]>;
  private readonly sentenceCache = new Map<string, string[]>();
  /** Technique descriptions normalised for quote checks, by technique ID. */
  private readonly quoteTextCache = new Map<string, string>();

  constructor(domains: DomainData[]) {
    if (domains.length === 0) throw new Error('AttackIndex needs at least one domain');
    this.domains = [...domains].sort((a, b) => domainRank(a.domain) - domainRank(b.domain));
    for (const domain of this.domains) {
      for (const technique of domain.techniques) {
        if (!this.techniquesById.has(technique.id)) this.techniquesById.set(technique.id, { technique, domain });
      }
      for (const mitigation of domain.mitigations) {
        if (!this.mitigationsById.has(mitigation.id)) this.mitigationsById.set(mitigation.id, mitigation);
      }
    }
    const all = <T>(pick: (domain: DomainData) => T[]) => this.domains.flatMap(pick);
    this.linksByTechnique = groupBy(all((d) => d.mitigationLinks), (link) => link.techniqueId);
    this.subtechniquesByParent = groupBy(
      all((d) => d.techniques).filter((t) => t.parentId && !t.revoked),
      (t) => t.parentId ?? '',
    );
  }

  /** The primary domain: enterprise when it is loaded, otherwise the first one. */
  get primary(): DomainData {
    return this.domains[0]!;
  }

  /** Release of the primary domain. */
  get release(): AttackRelease {
    return this.primary.release;
  }

  /** Returns the domain data for one domain, if loaded. */
  domain(name: AttackDomain): DomainData | undefined {
    return this.domains.find((domain) => domain.domain === name);
  }

  /** Returns the record for a canonical technique ID, revoked and deprecated ones included. */
  technique(id: string): TechniqueRecord | undefined {
    return this.techniquesById.get(id)?.technique;
  }

  /** Returns the domain a technique belongs to. */
  domainOf(id: string): AttackDomain | undefined {
    return this.techniquesById.get(id)?.domain.domain;
  }

  /** Lists techniques that are neither revoked nor deprecated, of one domain or of all. */
  activeTechniques(domain?: AttackDomain): TechniqueRecord[] {
    const domains = domain ? this.domains.filter((d) => d.domain === domain) : this.domains;
    return domains.flatMap((d) => d.techniques.filter((t) => !t.revoked && !t.deprecated));
  }

  /** Lists the sub-techniques of a parent technique that are not revoked. */
  subtechniques(parentId: string): TechniqueRecord[] {
    return this.subtechniquesByParent.get(parentId) ?? [];
  }

  /**
   * Resolves a technique ID in any common spelling against the loaded release. A revoked ID
   * resolves to its successor through the `revoked-by` chain. A deprecated ID resolves to
   * itself with a note, and an ID the release lacks comes back as unknown, never dropped.
   */
  resolveTechnique(input: string): TechniqueResolution {
    const id = normalizeTechniqueId(input);
    if (!id) return { input, status: 'invalid', note: `"${input}" is not an ATT&CK technique ID` };
    const found = this.technique(id);
    if (!found) {
      return { input, id, status: 'unknown', note: `${id} is not in the loaded ATT&CK release (${this.release.label})` };
    }
    if (found.revoked) return this.resolveRevoked(input, found);
    if (found.deprecated) {
      return { input, id, status: 'deprecated', technique: found, note: `${id} ${found.displayName} is deprecated in ${this.release.label}` };
    }
    return { input, id, status: 'active', technique: found };
  }

  private resolveRevoked(input: string, revoked: TechniqueRecord): TechniqueResolution {
    const seen = new Set([revoked.id]);
    let current = revoked;
    while (current.revoked && current.revokedBy && !seen.has(current.revokedBy)) {
      const next = this.technique(current.revokedBy);
      if (!next) break;
      seen.add(next.id);
      current = next;
    }
    if (current.revoked) {
      return { input, id: revoked.id, status: 'revoked', note: `${revoked.id} was revoked in ATT&CK and has no successor` };
    }
    return {
      input,
      id: revoked.id,
      status: 'revoked',
      technique: current,
      note: `${revoked.id} (${revoked.name}) was revoked in ATT&CK and replaced by ${current.id} ${current.displayName}`,
    };
  }

  /** Returns the tactic records of a technique, in matrix order. */
  tacticsOf(technique: TechniqueRecord): TacticRecord[] {
    const domain = this.techniquesById.get(technique.id)?.domain ?? this.primary;
    return technique.tactics
      .map((shortname) => domain.tactics.find((tactic) => tactic.shortname === shortname))
      .filter((tactic): tactic is TacticRecord => tactic !== undefined);
  }

  /** Returns a mitigation by M ID. */
  mitigation(id: string): MitigationRecord | undefined {
    return this.mitigationsById.get(id);
  }

  /** Lists the active mitigations that ATT&CK links to a technique, with the link's own text. */
  mitigationsFor(techniqueId: string): LinkedMitigation[] {
    const links = this.linksByTechnique.get(techniqueId) ?? [];
    const linked: LinkedMitigation[] = [];
    for (const link of links) {
      const mitigation = this.mitigationsById.get(link.mitigationId);
      if (mitigation && !mitigation.deprecated && !mitigation.revoked) linked.push({ mitigation, text: link.text });
    }
    return linked;
  }

  /** Tells whether ATT&CK links a mitigation to a technique by a `mitigates` relationship. */
  isMitigationLinked(mitigationId: string, techniqueId: string): boolean {
    return (this.linksByTechnique.get(techniqueId) ?? []).some((link) => link.mitigationId === mitigationId);
  }

  /** Lists procedure examples (`uses` relationship texts) for a technique. */
  proceduresFor(techniqueId: string): ProcedureExample[] {
    // Built on first use: procedures may live in a separate cache file that a warm start skips.
    this.proceduresByTechnique ??= groupBy(this.domains.flatMap((d) => d.procedures), (p) => p.techniqueId);
    return this.proceduresByTechnique.get(techniqueId) ?? [];
  }

  /** Lists detection analytics of the strategies that detect a technique. */
  analyticsFor(techniqueId: string): DetectionAnalytic[] {
    this.analyticsByTechnique ??= groupBy(this.domains.flatMap((d) => d.analytics), (a) => a.techniqueId);
    return this.analyticsByTechnique.get(techniqueId) ?? [];
  }

  /** Lists the software of every loaded domain. */
  software(): SoftwareRecord[] {
    return this.domains.flatMap((domain) => domain.software);
  }

  /** Lists tactics of a domain (the primary one by default), in matrix order. */
  tactics(domain?: AttackDomain): TacticRecord[] {
    return (domain ? this.domain(domain) : this.primary)?.tactics ?? [];
  }

  /** Returns the sentences of a technique's cleaned description. */
  techniqueSentences(techniqueId: string): string[] {
    let sentences = this.sentenceCache.get(techniqueId);
    if (!sentences) {
      sentences = splitSentences(this.technique(techniqueId)?.description ?? '');
      this.sentenceCache.set(techniqueId, sentences);
    }
    return sentences;
  }

  /**
   * Tells whether a quote appears verbatim in a technique's ATT&CK text (its cleaned
   * description), ignoring differences in white space and typographic quotes.
   */
  isVerbatimQuote(techniqueId: string, quote: string): boolean {
    const technique = this.technique(techniqueId);
    const needle = normalizeForQuoteMatch(quote);
    if (!technique || needle.length < 12) return false;
    let text = this.quoteTextCache.get(technique.id);
    if (text === undefined) {
      text = normalizeForQuoteMatch(technique.description);
      this.quoteTextCache.set(technique.id, text);
    }
    return text.includes(needle);
  }
}

function domainRank(domain: AttackDomain): number {
  const order: Record<AttackDomain, number> = { 'enterprise-attack': 0, 'ics-attack': 1, 'mobile-attack': 2 };
  return order[domain];
}
