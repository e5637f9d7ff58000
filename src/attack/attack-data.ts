/**
 * Compact, JSON-serialisable form of one ATT&CK domain, derived from a STIX bundle. It is what
 * the index cache stores, so every field must survive `JSON.stringify`.
 */
export const attackDataFormatVersion = 4;

export const attackDomains = ['enterprise-attack', 'ics-attack', 'mobile-attack'] as const;
export type AttackDomain = (typeof attackDomains)[number];

export interface AttackRelease {
  /** ATT&CK version stated by the bundle's `x-mitre-collection`, such as "18.1". */
  version?: string;
  /** Newest `modified` date of any object in the bundle (ISO 8601). */
  modified: string;
  /** Human-readable release name: "ATT&CK v18.1", or "ATT&CK data modified 2025-11-12". */
  label: string;
  /** STIX version of the bundle layout: "2.0" (mitre/cti) or "2.1" (attack-stix-data). */
  stixVersion: string;
}

export interface TacticRecord {
  id: string;
  name: string;
  shortname: string;
  /** Cleaned tactic description; its first sentence reads "The adversary is trying to ...". */
  description: string;
  url: string;
}

export interface TechniqueRecord {
  id: string;
  /** Name as ATT&CK writes it on the object ("At"). */
  name: string;
  /** Name as ATT&CK shows it, parent first for sub-techniques ("Scheduled Task/Job: At"). */
  displayName: string;
  parentId?: string;
  isSubtechnique: boolean;
  /** Description with citations and markdown links cleaned for display. */
  description: string;
  /** Cleaned `x_mitre_detection` text, present on older releases only. */
  detection?: string;
  /** Tactic shortnames from the kill-chain phases, in ATT&CK order. */
  tactics: string[];
  platforms: string[];
  url: string;
  revoked: boolean;
  deprecated: boolean;
  /** ID that directly replaced this technique through a `revoked-by` relationship. */
  revokedBy?: string;
}

export interface MitigationRecord {
  id: string;
  name: string;
  description: string;
  url: string;
  deprecated: boolean;
  revoked: boolean;
}

/** A `mitigates` relationship with its own text about that technique. */
export interface MitigationLink {
  mitigationId: string;
  techniqueId: string;
  text: string;
}

/** Text of a `uses` relationship from a group, software or campaign to a technique. */
export interface ProcedureExample {
  techniqueId: string;
  sourceId: string;
  sourceName: string;
  sourceType: 'group' | 'software' | 'campaign';
  text: string;
}

/** One analytic of a detection strategy that `detects` a technique. */
export interface DetectionAnalytic {
  techniqueId: string;
  strategyId: string;
  strategyName: string;
  analyticId: string;
  text: string;
  platforms: string[];
  logSources: { name: string; channel: string; dataComponent?: string }[];
}

export interface SoftwareRecord {
  id: string;
  name: string;
  aliases: string[];
  type: 'tool' | 'malware';
  description: string;
}

export interface DataComponentRecord {
  id: string;
  name: string;
  description: string;
}

export interface DomainData {
  formatVersion: number;
  domain: AttackDomain;
  release: AttackRelease;
  /** SHA-256 of the bundle file the data came from. */
  bundleHash: string;
  tactics: TacticRecord[];
  techniques: TechniqueRecord[];
  mitigations: MitigationRecord[];
  mitigationLinks: MitigationLink[];
  procedures: ProcedureExample[];
  analytics: DetectionAnalytic[];
  software: SoftwareRecord[];
  dataComponents: DataComponentRecord[];
}
