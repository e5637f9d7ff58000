import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const identity = 'identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5';
let counter = 0;

function stixId(type: string): string {
  counter += 1;
  return `${type}--00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

function ref(externalId: string, kind: string) {
  const path = externalId.replace('.', '/');
  return [{ source_name: 'mitre-attack', external_id: externalId, url: `https://attack.mitre.org/${kind}/${path}` }];
}

interface TinyBundleOptions {
  /** "2.0" for the mitre/cti layout, "2.1" for attack-stix-data with a collection object. */
  stixVersion: '2.0' | '2.1';
  version?: string;
}

/**
 * Builds a small, hand-written ATT&CK bundle: two tactics, the Scheduled Task/Job family
 * with a revoked and a deprecated sub-technique, a revocation chain, one mitigation, one group
 * procedure and one detection analytic.
 */
export function tinyBundle({ stixVersion, version = '18.1' }: TinyBundleOptions): Record<string, unknown> {
  counter = 0;
  const base = (type: string, extra: Record<string, unknown>) => ({
    type,
    id: stixId(type),
    created: '2020-01-01T00:00:00.000Z',
    modified: '2024-05-01T00:00:00.000Z',
    created_by_ref: identity,
    ...(stixVersion === '2.1' ? { spec_version: '2.1' } : {}),
    x_mitre_domains: ['enterprise-attack'],
    ...extra,
  });
  const phases = (...names: string[]) => names.map((phase_name) => ({ kill_chain_name: 'mitre-attack', phase_name }));

  const execution = base('x-mitre-tactic', { name: 'Execution', x_mitre_shortname: 'execution', description: 'The adversary is trying to run malicious code.', external_references: ref('TA0002', 'tactics') });
  const persistence = base('x-mitre-tactic', { name: 'Persistence', x_mitre_shortname: 'persistence', description: 'The adversary is trying to maintain their foothold.', external_references: ref('TA0003', 'tactics') });
  const matrix = base('x-mitre-matrix', { name: 'Enterprise ATT&CK', tactic_refs: [persistence.id, execution.id].reverse(), external_references: [{ source_name: 'mitre-attack', external_id: 'enterprise-attack' }] });
  const parent = base('attack-pattern', {
    name: 'Scheduled Task/Job',
    description: 'Adversaries may abuse task scheduling functionality to facilitate initial or recurring execution of malicious code.(Citation: Example Source)',
    kill_chain_phases: phases('execution', 'persistence'),
    x_mitre_platforms: ['Windows', 'Linux'],
    external_references: ref('T1053', 'techniques'),
  });
  const at = base('attack-pattern', {
    name: 'At',
    description:
      'Adversaries may abuse the [at](https://attack.mitre.org/software/S0110) utility to perform task scheduling for initial or recurring execution of malicious code. (Citation: Example Source)\n\nThe at command runs a program at a set time.',
    kill_chain_phases: phases('persistence', 'execution'),
    x_mitre_is_subtechnique: true,
    x_mitre_platforms: ['Windows'],
    external_references: ref('T1053.002', 'techniques'),
  });
  const task = base('attack-pattern', {
    name: 'Scheduled Task',
    description: 'Adversaries may abuse the Windows Task Scheduler to perform task scheduling for initial or recurring execution of malicious code.',
    kill_chain_phases: phases('execution'),
    x_mitre_is_subtechnique: true,
    external_references: ref('T1053.005', 'techniques'),
  });
  const atLinux = base('attack-pattern', { name: 'At (Linux)', revoked: true, description: 'Old at entry.', x_mitre_is_subtechnique: true, external_references: ref('T1053.001', 'techniques') });
  const launchd = base('attack-pattern', { name: 'Launchd', x_mitre_deprecated: true, description: 'Adversaries may abuse launchd.', kill_chain_phases: phases('execution'), x_mitre_is_subtechnique: true, external_references: ref('T1053.004', 'techniques') });
  const chainOld = base('attack-pattern', { name: 'Old Technique', revoked: true, description: 'Old.', external_references: ref('T1998', 'techniques') });
  const chainMiddle = base('attack-pattern', { name: 'Middle Technique', revoked: true, description: 'Middle.', external_references: ref('T1999', 'techniques') });
  const mitigation = base('course-of-action', { name: 'Operating System Configuration', description: 'Make configuration changes related to the operating system.', external_references: ref('M1028', 'mitigations') });
  const group = base('intrusion-set', { name: 'Example Group', description: 'A made-up group.', external_references: ref('G9999', 'groups') });
  const analytic = base('x-mitre-analytic', { name: 'Analytic 9999', description: 'Remote at job creation through the ATSVC pipe.', x_mitre_platforms: ['Windows'], x_mitre_log_source_references: [{ name: 'WinEventLog:Security', channel: 'EventCode=5145' }], external_references: ref('AN9999', 'detectionstrategies') });
  const strategy = base('x-mitre-detection-strategy', { name: 'Detect at jobs', x_mitre_analytic_refs: [analytic.id], external_references: ref('DET9999', 'detectionstrategies') });
  const relationship = (relationship_type: string, source_ref: string, target_ref: string, description?: string) =>
    base('relationship', { relationship_type, source_ref, target_ref, ...(description ? { description } : {}) });

  const objects: Record<string, unknown>[] = [
    matrix, execution, persistence, parent, at, task, atLinux, launchd, chainOld, chainMiddle, mitigation, group, analytic, strategy,
    relationship('subtechnique-of', at.id, parent.id),
    relationship('subtechnique-of', task.id, parent.id),
    relationship('revoked-by', atLinux.id, at.id),
    relationship('revoked-by', chainOld.id, chainMiddle.id),
    relationship('revoked-by', chainMiddle.id, parent.id),
    relationship('mitigates', mitigation.id, at.id, 'Configure [at](https://attack.mitre.org/software/S0110) jobs to run as the authenticated account.(Citation: Example Source)'),
    relationship('uses', group.id, at.id, 'Example Group used at.exe to run a batch file on remote hosts.(Citation: Example Source)'),
    relationship('detects', strategy.id, at.id),
  ];
  if (stixVersion === '2.1') {
    objects.push(base('x-mitre-collection', { name: 'Enterprise ATT&CK', x_mitre_version: version }));
    return { type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000000', objects };
  }
  return { type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000000', spec_version: '2.0', objects };
}

/** Writes a tiny bundle to a new temporary folder as `enterprise-attack.json` and returns its path. */
export function writeTinyBundle(options: TinyBundleOptions): string {
  const folder = mkdtempSync(join(tmpdir(), 'ids-explain-tiny-'));
  const path = join(folder, 'enterprise-attack.json');
  writeFileSync(path, JSON.stringify(tinyBundle(options)));
  return path;
}
