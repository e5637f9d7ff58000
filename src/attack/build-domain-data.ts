import {
  attackDataFormatVersion,
  attackDomains,
  type AttackDomain,
  type AttackRelease,
  type DataComponentRecord,
  type DetectionAnalytic,
  type DomainData,
  type MitigationLink,
  type MitigationRecord,
  type ProcedureExample,
  type SoftwareRecord,
  type TacticRecord,
  type TechniqueRecord,
} from './attack-data.js';
import { cleanAttackText } from './clean-attack-text.js';
import type { StixBundle, StixObject } from './stix-types.js';
import { parentTechniqueId, techniqueUrl } from './technique-id.js';

const attackSourceNames = new Set(['mitre-attack', 'mitre-mobile-attack', 'mitre-ics-attack']);
const procedureSourceTypes: Record<string, ProcedureExample['sourceType']> = {
  'intrusion-set': 'group',
  malware: 'software',
  tool: 'software',
  campaign: 'campaign',
};

function attackId(object: StixObject): string | undefined {
  const reference = object.external_references?.find(
    (candidate) => candidate.source_name && attackSourceNames.has(candidate.source_name),
  );
  return reference?.external_id;
}

function isActive(object: StixObject): boolean {
  return object.revoked !== true && object.x_mitre_deprecated !== true;
}

/** Prefers an active object when a bundle carries several objects with one ATT&CK ID. */
function indexByAttackId(objects: StixObject[]): Map<string, StixObject> {
  const byId = new Map<string, StixObject>();
  for (const object of objects) {
    const id = attackId(object);
    if (!id) continue;
    const existing = byId.get(id);
    if (!existing || (!isActive(existing) && isActive(object))) byId.set(id, object);
  }
  return byId;
}

function detectDomain(bundle: StixBundle, fallback: AttackDomain | undefined): AttackDomain {
  const counts = new Map<string, number>();
  for (const object of bundle.objects) {
    for (const domain of object.x_mitre_domains ?? []) {
      counts.set(domain, (counts.get(domain) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0]?.[0];
  if (top && (attackDomains as readonly string[]).includes(top)) return top as AttackDomain;
  return fallback ?? 'enterprise-attack';
}

function describeRelease(bundle: StixBundle): AttackRelease {
  let modified = '';
  for (const object of bundle.objects) {
    if (object.modified && object.modified > modified) modified = object.modified;
  }
  const collection = bundle.objects.find((object) => object.type === 'x-mitre-collection');
  const stixVersion =
    bundle.spec_version ?? bundle.objects.find((object) => object.spec_version)?.spec_version ?? '2.0';
  const version = collection?.x_mitre_version;
  const label = version ? `ATT&CK v${version}` : `ATT&CK data modified ${modified.slice(0, 10)}`;
  return version ? { version, modified, label, stixVersion } : { modified, label, stixVersion };
}

function buildTactics(objects: StixObject[]): TacticRecord[] {
  const tactics: TacticRecord[] = [];
  for (const [id, object] of indexByAttackId(objects.filter((o) => o.type === 'x-mitre-tactic'))) {
    if (!isActive(object)) continue;
    tactics.push({
      id,
      name: object.name ?? id,
      shortname: object.x_mitre_shortname ?? '',
      description: cleanAttackText(object.description),
      url: `https://attack.mitre.org/tactics/${id}/`,
    });
  }
  return tactics;
}

/** Orders tactic shortnames as the domain's matrix does. */
function tacticOrder(objects: StixObject[], tactics: TacticRecord[]): Map<string, number> {
  const byStixId = new Map(objects.filter((o) => o.type === 'x-mitre-tactic').map((o) => [o.id, o]));
  const matrix = objects.find((o) => o.type === 'x-mitre-matrix');
  const refs = (matrix?.tactic_refs as string[] | undefined) ?? [];
  const order = new Map<string, number>();
  refs.forEach((ref, position) => {
    const shortname = byStixId.get(ref)?.x_mitre_shortname;
    if (shortname) order.set(shortname, position);
  });
  tactics.forEach((tactic, position) => {
    if (!order.has(tactic.shortname)) order.set(tactic.shortname, 100 + position);
  });
  return order;
}

function followRevocations(objects: StixObject[], idByStixId: Map<string, string>): Map<string, string> {
  const revokedBy = new Map<string, string>();
  for (const object of objects) {
    if (object.type !== 'relationship' || object.relationship_type !== 'revoked-by') continue;
    const from = idByStixId.get(object.source_ref ?? '');
    const to = idByStixId.get(object.target_ref ?? '');
    if (from && to && from !== to) revokedBy.set(from, to);
  }
  return revokedBy;
}

function buildTechniques(
  objects: StixObject[],
  revokedBy: Map<string, string>,
  order: Map<string, number>,
): TechniqueRecord[] {
  const patterns = indexByAttackId(objects.filter((o) => o.type === 'attack-pattern'));
  const techniques: TechniqueRecord[] = [];
  for (const [id, object] of patterns) {
    const parentId = id.includes('.') ? parentTechniqueId(id) : undefined;
    const parentName = parentId ? patterns.get(parentId)?.name : undefined;
    const name = object.name ?? id;
    const tactics = (object.kill_chain_phases ?? [])
      .filter((phase) => phase.kill_chain_name.startsWith('mitre-'))
      .map((phase) => phase.phase_name)
      .sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999));
    const record: TechniqueRecord = {
      id,
      name,
      displayName: parentName ? `${parentName}: ${name}` : name,
      isSubtechnique: parentId !== undefined,
      description: cleanAttackText(object.description),
      tactics: [...new Set(tactics)],
      platforms: object.x_mitre_platforms ?? [],
      url: techniqueUrl(id),
      revoked: object.revoked === true,
      deprecated: object.x_mitre_deprecated === true,
    };
    if (parentId) record.parentId = parentId;
    const detection = cleanAttackText(object.x_mitre_detection);
    if (detection) record.detection = detection;
    const successor = revokedBy.get(id);
    if (record.revoked && successor) record.revokedBy = successor;
    techniques.push(record);
  }
  return techniques.sort((a, b) => a.id.localeCompare(b.id));
}

function buildMitigations(objects: StixObject[]): MitigationRecord[] {
  const mitigations: MitigationRecord[] = [];
  for (const [id, object] of indexByAttackId(objects.filter((o) => o.type === 'course-of-action'))) {
    // Pre-2018 mitigations reuse technique IDs (T1012) and are all deprecated; keep only M IDs.
    if (!/^M\d{4}$/.test(id)) continue;
    mitigations.push({
      id,
      name: object.name ?? id,
      description: cleanAttackText(object.description),
      url: `https://attack.mitre.org/mitigations/${id}/`,
      deprecated: object.x_mitre_deprecated === true,
      revoked: object.revoked === true,
    });
  }
  return mitigations.sort((a, b) => a.id.localeCompare(b.id));
}

function buildSoftware(objects: StixObject[]): SoftwareRecord[] {
  const software: SoftwareRecord[] = [];
  const candidates = objects.filter((o) => o.type === 'tool' || o.type === 'malware');
  for (const [id, object] of indexByAttackId(candidates)) {
    if (!isActive(object)) continue;
    software.push({
      id,
      name: object.name ?? id,
      aliases: object.x_mitre_aliases ?? [],
      type: object.type === 'tool' ? 'tool' : 'malware',
      description: cleanAttackText(object.description),
    });
  }
  return software;
}

function buildDataComponents(objects: StixObject[]): Map<string, DataComponentRecord> {
  const byStixId = new Map<string, DataComponentRecord>();
  for (const object of objects) {
    if (object.type !== 'x-mitre-data-component') continue;
    byStixId.set(object.id, {
      id: attackId(object) ?? object.id,
      name: object.name ?? '',
      description: cleanAttackText(object.description),
    });
  }
  return byStixId;
}

interface Relations {
  mitigationLinks: MitigationLink[];
  procedures: ProcedureExample[];
  analytics: DetectionAnalytic[];
}

function buildRelations(
  objects: StixObject[],
  byStixId: Map<string, StixObject>,
  idByStixId: Map<string, string>,
  dataComponents: Map<string, DataComponentRecord>,
): Relations {
  const relations: Relations = { mitigationLinks: [], procedures: [], analytics: [] };
  for (const relationship of objects) {
    if (relationship.type !== 'relationship' || !isActive(relationship)) continue;
    const source = byStixId.get(relationship.source_ref ?? '');
    const target = byStixId.get(relationship.target_ref ?? '');
    if (!source || !target || target.type !== 'attack-pattern' || !isActive(source)) continue;
    const techniqueId = idByStixId.get(target.id);
    const sourceId = idByStixId.get(source.id);
    if (!techniqueId || !sourceId) continue;
    const text = cleanAttackText(relationship.description);

    if (relationship.relationship_type === 'mitigates' && source.type === 'course-of-action') {
      relations.mitigationLinks.push({ mitigationId: sourceId, techniqueId, text });
    } else if (relationship.relationship_type === 'uses' && procedureSourceTypes[source.type]) {
      if (!text) continue;
      relations.procedures.push({
        techniqueId,
        sourceId,
        sourceName: source.name ?? sourceId,
        sourceType: procedureSourceTypes[source.type]!,
        text,
      });
    } else if (
      relationship.relationship_type === 'detects' &&
      source.type === 'x-mitre-detection-strategy'
    ) {
      for (const analyticRef of source.x_mitre_analytic_refs ?? []) {
        const analytic = byStixId.get(analyticRef);
        if (!analytic || !isActive(analytic)) continue;
        relations.analytics.push({
          techniqueId,
          strategyId: sourceId,
          strategyName: source.name ?? sourceId,
          analyticId: attackId(analytic) ?? analytic.id,
          text: cleanAttackText(analytic.description),
          platforms: analytic.x_mitre_platforms ?? [],
          logSources: (analytic.x_mitre_log_source_references ?? []).map((reference) => {
            const component = dataComponents.get(reference.x_mitre_data_component_ref ?? '');
            const logSource = { name: reference.name ?? '', channel: reference.channel ?? '' };
            return component ? { ...logSource, dataComponent: component.name } : logSource;
          }),
        });
      }
    }
  }
  return relations;
}

export interface BuildDomainDataOptions {
  bundle: StixBundle;
  bundleHash: string;
  /** Domain to assume when no object names one, usually taken from the file name. */
  domainHint?: AttackDomain;
}

/**
 * Derives the compact per-domain index from a parsed ATT&CK STIX bundle (STIX 2.0 or 2.1):
 * techniques with tactics and revocations, tactics, mitigations with their `mitigates` text,
 * procedure examples, detection analytics, software and the release it came from.
 */
export function buildDomainData({ bundle, bundleHash, domainHint }: BuildDomainDataOptions): DomainData {
  const objects = bundle.objects;
  const byStixId = new Map(objects.map((object) => [object.id, object]));
  const idByStixId = new Map<string, string>();
  for (const object of objects) {
    const id = attackId(object);
    if (id) idByStixId.set(object.id, id);
  }

  const tactics = buildTactics(objects);
  const order = tacticOrder(objects, tactics);
  const revokedBy = followRevocations(objects, idByStixId);
  const dataComponents = buildDataComponents(objects);
  const relations = buildRelations(objects, byStixId, idByStixId, dataComponents);

  return {
    formatVersion: attackDataFormatVersion,
    domain: detectDomain(bundle, domainHint),
    release: describeRelease(bundle),
    bundleHash,
    tactics: tactics.sort((a, b) => (order.get(a.shortname) ?? 0) - (order.get(b.shortname) ?? 0)),
    techniques: buildTechniques(objects, revokedBy, order),
    mitigations: buildMitigations(objects),
    ...relations,
    software: buildSoftware(objects),
    dataComponents: [...dataComponents.values()],
  };
}
