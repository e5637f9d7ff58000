import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAlert } from '../../src/alert/parse-alert.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createTechniqueMapper } from '../../src/mapping/create-technique-mapper.js';
import type { LabelledRule } from '../../src/mapping/examples/labelled-rule.js';
import { loadMappingKnowledge } from '../../src/mapping/mapping-knowledge.js';
import { realAttackIndex, realMapper, repositoryRoot } from '../support/real-attack.js';

function mapCase(file: string) {
  const text = readFileSync(join(repositoryRoot, 'fixtures', 'cases', file), 'utf8');
  return realMapper().map(parseAlert(text, { origin: file }));
}

describe('createTechniqueMapper on the real ATT&CK release', () => {
  it('maps the reference alert to T1053.002 first', () => {
    const alert = parseAlert('Description: Detects remote task creation via at.exe or API interacting with ATSVC namedpipe');
    const mapping = realMapper().map(alert);
    expect(mapping.predicted[0]?.id).toBe('T1053.002');
  });

  it('maps case 01 to T1053.002 first', () => {
    const mapping = mapCase('01-atsvc-remote-task-kv.txt');
    expect(mapping.predicted[0]?.id).toBe('T1053.002');
  });

  it('refines the T1071 tag of case 02 to T1071.001', () => {
    const mapping = mapCase('02-suricata-eve-mitre-c2.json');
    expect(mapping.predicted[0]?.id).toBe('T1071.001');
    expect(mapping.predicted[0]?.fromAlert).toBe(true);
    expect(mapping.notes.join('\n')).toMatch(/tagged T1071 Application Layer Protocol; its text refines this to T1071\.001/);
    expect(mapping.predicted.map((candidate) => candidate.id)).not.toContain('T1071.004');
  });

  it('maps case 14 to T1053.005 and never T1053.002', () => {
    const mapping = mapCase('14-sigma-tag-formats.json');
    expect(mapping.predicted[0]?.id).toBe('T1053.005');
    expect(mapping.predicted.map((candidate) => candidate.id)).not.toContain('T1053.002');
  });

  it('reports one canonical ID for the tags of case 14', () => {
    const mapping = mapCase('14-sigma-tag-formats.json');
    expect(mapping.predicted.filter((candidate) => candidate.id === 'T1053.005')).toHaveLength(1);
  });

  it('reports a tag that contradicts the text as questionable', () => {
    const alert = parseAlert(JSON.stringify({ description: 'Mimikatz sekurlsa::logonpasswords read LSASS memory', technique: 'T1491.001' }));
    const mapping = realMapper().map(alert);
    expect(mapping.questionable?.map((item) => item.id)).toEqual(['T1491.001']);
    expect(mapping.predicted[0]?.id).toBe('T1003.001');
  });

  it('returns confidences between 0 and 1, families first', () => {
    const mapping = mapCase('01-atsvc-remote-task-kv.txt');
    for (const candidate of mapping.candidates) {
      expect(candidate.confidence).toBeGreaterThanOrEqual(0);
      expect(candidate.confidence).toBeLessThanOrEqual(1);
    }
    expect(mapping.candidates.length).toBeLessThanOrEqual(10);
  });

  it('lists every predicted technique among the candidates', () => {
    for (const file of ['01-atsvc-remote-task-kv.txt', '02-suricata-eve-mitre-c2.json', '14-sigma-tag-formats.json']) {
      const text = readFileSync(join(repositoryRoot, 'fixtures', 'cases', file), 'utf8');
      const mapping = realMapper().map(parseAlert(text, { origin: file }), { limit: 1 });
      const listed = mapping.candidates.map((candidate) => candidate.id);
      for (const candidate of mapping.predicted) expect(listed, file).toContain(candidate.id);
    }
  });

  it('learns from labelled examples', () => {
    const index = realAttackIndex();
    const knowledge = loadMappingKnowledge(index);
    const examples: LabelledRule[] = ['frobnicator staged', 'frobnicator launched twice', 'frobnicator on host'].map((title, position) => ({
      id: `example-${position}`,
      title,
      description: `Our EDR saw ${title}`,
      logsource: {},
      techniques: ['T1486'],
      tactics: [],
      related: [],
    }));
    const mapper = createTechniqueMapper({ index, knowledge, examples, logger: silentLogger });
    const mapping = mapper.map(parseAlert('Description: frobnicator launched on a file server'));
    expect(mapping.candidates.map((candidate) => candidate.id)).toContain('T1486');
  });
});
