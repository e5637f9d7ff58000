import type { AttackIndex } from '../../attack/attack-index.js';
import { countDocumentTerms, mergeCountedDocuments } from '../count-document-terms.js';
import { NaiveBayesIndex, type NaiveBayesIndexData } from '../naive-bayes-index.js';
import { tokenize } from '../tokenize.js';
import { VectorIndex, type VectorIndexData } from '../vector-index.js';

/** Software named in ATT&CK, the names it goes by and the techniques its procedures use. */
export interface SoftwareEntry {
  id: string;
  names: string[];
  techniques: string[];
}

/**
 * Knowledge the mapper takes from the ATT&CK bundle: one profile document per active technique
 * (name, description, data components), one neighbour document per procedure example and
 * detection analytic, each labelled with its technique, and the software table.
 */
export interface KnowledgeSources {
  /** Technique ID of each profile document. */
  techniqueIds: string[];
  profiles: VectorIndex;
  /** Stemmed words of each technique's own name, in profile order. */
  nameTerms: string[][];
  /** ATT&CK platforms of each technique, in profile order. */
  platforms: string[][];
  neighbours: VectorIndex;
  /**
   * Naive Bayes over techniques, trained on the neighbour documents (numbered as in
   * `neighbours`) followed by one profile document per technique.
   */
  bayes: NaiveBayesIndex;
  /** Technique ID of each neighbour document. */
  neighbourTechnique: string[];
  /** Group, software, campaign or detection strategy that each neighbour document came from. */
  neighbourSource: string[];
  software: SoftwareEntry[];
  /** Number of procedure examples per technique ID: how often ATT&CK has seen it used. */
  procedureCounts: Record<string, number>;
}

/** JSON form of KnowledgeSources for the derived-file cache. */
export interface KnowledgeSourcesData {
  techniqueIds: string[];
  profiles: VectorIndexData;
  nameTerms: string[][];
  platforms: string[][];
  neighbours: VectorIndexData;
  bayes: NaiveBayesIndexData;
  neighbourTechnique: string[];
  neighbourSource: string[];
  software: SoftwareEntry[];
  procedureCounts: Record<string, number>;
}

/** Software names that are ordinary words or too short to find in alert text without false hits. */
const ambiguousSoftwareNames = new Set(['at', 'net', 'cmd', 'reg', 'ping', 'ftp', 'tor', 'arp', 'expand', 'route', 'page', 'pony', 'flame', 'carbon', 'epic', 'explosion', 'hammer', 'olympic', 'judy', 'mori', 'zox', 'orz', 'get2', 'ps1', 'out1', 'meek', 'doki', 'naid', 'abk', 'bbk', 'dok', 'zen', 'cuba', 'maze', 'rtm', 'empire', 'responder', 'impacket', 'power', 'action', 'update', 'agent', 'backdoor', 'downloader', 'loader', 'dropper', 'shell', 'stealer', 'ransom']);

function profileText(index: AttackIndex, techniqueId: string): string {
  const technique = index.technique(techniqueId)!;
  const components = new Set(
    index.analyticsFor(techniqueId).flatMap((analytic) => analytic.logSources.map((source) => source.dataComponent ?? '')),
  );
  // The name is repeated so that it weighs more than any single word of the description.
  const name = `${technique.displayName}. ${technique.name}. ${technique.name}.`;
  return [name, technique.description, technique.detection ?? '', [...components].join('. ')].join('\n');
}

function neighbourDocuments(index: AttackIndex, known: Set<string>) {
  const texts: string[] = [];
  const techniques: string[] = [];
  const sources: string[] = [];
  for (const technique of known) {
    for (const procedure of index.proceduresFor(technique)) {
      texts.push(procedure.text);
      techniques.push(technique);
      sources.push(procedure.sourceId);
    }
    for (const analytic of index.analyticsFor(technique)) {
      const logSources = analytic.logSources.map((source) => `${source.name} ${source.channel} ${source.dataComponent ?? ''}`);
      texts.push(`${analytic.text}\n${logSources.join('\n')}`);
      techniques.push(technique);
      sources.push(analytic.strategyId);
    }
  }
  return { texts, techniques, sources };
}

function softwareEntries(index: AttackIndex, known: Set<string>): SoftwareEntry[] {
  const techniquesBySoftware = new Map<string, Set<string>>();
  for (const technique of known) {
    for (const procedure of index.proceduresFor(technique)) {
      if (procedure.sourceType !== 'software') continue;
      const set = techniquesBySoftware.get(procedure.sourceId) ?? new Set<string>();
      set.add(technique);
      techniquesBySoftware.set(procedure.sourceId, set);
    }
  }
  const entries: SoftwareEntry[] = [];
  for (const software of index.software()) {
    const techniques = techniquesBySoftware.get(software.id);
    if (!techniques) continue;
    const names = [...new Set([software.name, ...software.aliases].map((name) => name.trim()))].filter(
      (name) => name.replace(/[^A-Za-z0-9]/g, '').length >= 4 && !ambiguousSoftwareNames.has(name.toLowerCase()),
    );
    if (names.length > 0) entries.push({ id: software.id, names, techniques: [...techniques].sort() });
  }
  return entries;
}

/** Derives the mapper's knowledge sources from the primary domain of a loaded ATT&CK index. */
export function buildKnowledgeSources(index: AttackIndex): KnowledgeSources {
  const techniqueIds = index.activeTechniques(index.primary.domain).map((technique) => technique.id);
  const known = new Set(techniqueIds);
  const neighbours = neighbourDocuments(index, known);
  // Each corpus is counted once and shared by its vector index and naive Bayes.
  const neighbourCounts = countDocumentTerms(neighbours.texts.map((text) => tokenize(text)));
  const profileCounts = countDocumentTerms(techniqueIds.map((id) => tokenize(profileText(index, id))));
  const bayesLabels = [...neighbours.techniques, ...techniqueIds].map((id) => [id]);
  return {
    techniqueIds,
    profiles: VectorIndex.fromCounts(profileCounts),
    nameTerms: techniqueIds.map((id) => [...new Set(tokenize(index.technique(id)!.name))]),
    platforms: techniqueIds.map((id) => index.technique(id)!.platforms),
    neighbours: VectorIndex.fromCounts(neighbourCounts),
    bayes: NaiveBayesIndex.fromCounts(mergeCountedDocuments(neighbourCounts, profileCounts), bayesLabels),
    neighbourTechnique: neighbours.techniques,
    neighbourSource: neighbours.sources,
    software: softwareEntries(index, known),
    procedureCounts: Object.fromEntries(techniqueIds.map((id) => [id, index.proceduresFor(id).length])),
  };
}

/** Converts knowledge sources to their JSON form. */
export function knowledgeSourcesToData(sources: KnowledgeSources): KnowledgeSourcesData {
  return { ...sources, profiles: sources.profiles.toJSON(), neighbours: sources.neighbours.toJSON(), bayes: sources.bayes.toJSON() };
}

/** Restores knowledge sources from their JSON form. */
export function knowledgeSourcesFromData(data: KnowledgeSourcesData): KnowledgeSources {
  return {
    ...data,
    profiles: VectorIndex.fromJSON(data.profiles),
    neighbours: VectorIndex.fromJSON(data.neighbours),
    bayes: NaiveBayesIndex.fromJSON(data.bayes),
  };
}
