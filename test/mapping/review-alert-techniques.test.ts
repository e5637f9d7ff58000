import { describe, expect, it } from 'vitest';
import { loadAttackIndex } from '../../src/attack/load-attack-index.js';
import type { RankedTechniques } from '../../src/mapping/rank-techniques.js';
import { reviewAlertTechniques } from '../../src/mapping/review-alert-techniques.js';
import type { TechniqueCandidate } from '../../src/mapping/technique-mapping.js';
import { writeTinyBundle } from '../support/tiny-bundle.js';

const index = loadAttackIndex({ attackPath: writeTinyBundle({ stixVersion: '2.1' }), dataDir: '/nonexistent', cacheDir: false });

function candidate(id: string, confidence: number): TechniqueCandidate {
  return { id, score: confidence, confidence, fromAlert: false, evidence: [`text evidence for ${id}`] };
}

function ranked(candidates: TechniqueCandidate[], families: [string, number][], predicted = candidates.slice(0, 1)): RankedTechniques {
  return { candidates, predicted, familyConfidence: new Map(families) };
}

const resolve = (...ids: string[]) => ids.map((id) => index.resolveTechnique(id));

describe('reviewAlertTechniques', () => {
  it('puts a supported tag first', () => {
    const result = reviewAlertTechniques(ranked([candidate('T1053.005', 0.4)], [['T1053', 0.6]]), resolve('T1053.005'), index);
    expect(result.predicted.map((item) => item.id)).toEqual(['T1053.005']);
    expect(result.predicted[0]?.fromAlert).toBe(true);
    expect(result.predicted[0]?.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('refines a tagged parent to the sub-technique the text supports', () => {
    const result = reviewAlertTechniques(
      ranked([candidate('T1053', 0.8), candidate('T1053.002', 0.6), candidate('T1053.005', 0.1)], [['T1053', 0.8]]),
      resolve('T1053'),
      index,
    );
    expect(result.predicted.map((item) => item.id)).toEqual(['T1053.002']);
    expect(result.notes.join(' ')).toMatch(/tagged T1053 Scheduled Task\/Job; its text refines this to T1053\.002/);
  });

  it('keeps a tagged parent when sub-techniques are close', () => {
    const result = reviewAlertTechniques(
      ranked([candidate('T1053', 0.8), candidate('T1053.002', 0.4), candidate('T1053.005', 0.35)], [['T1053', 0.8]]),
      resolve('T1053'),
      index,
    );
    expect(result.predicted.map((item) => item.id)).toEqual(['T1053']);
  });

  it('replaces a revoked tag by its successor with a note', () => {
    const result = reviewAlertTechniques(ranked([], [['T1053', 0.5]], []), resolve('T1053.001'), index);
    expect(result.predicted.map((item) => item.id)).toEqual(['T1053.002']);
    expect(result.notes[0]).toMatch(/T1053\.001 \(At \(Linux\)\) was revoked/);
  });

  it('notes an unknown tag and predicts from the text', () => {
    const result = reviewAlertTechniques(ranked([candidate('T1053.005', 0.6)], [['T1053', 0.6]]), resolve('T1685.001'), index);
    expect(result.notes[0]).toMatch(/T1685\.001 is not in the loaded ATT&CK release/);
    expect(result.predicted.map((item) => item.id)).toEqual(['T1053.005']);
  });

  it('reports a contradicted tag as questionable', () => {
    const result = reviewAlertTechniques(ranked([candidate('T1998', 0.9)], [['T1998', 0.9]]), resolve('T1053.005'), index);
    expect(result.questionable).toEqual([
      { id: 'T1053.005', reason: expect.stringMatching(/tagged T1053\.005, but nothing in its text points to T1053\.005/) },
    ]);
    expect(result.predicted.map((item) => item.id)).not.toContain('T1053.005');
  });

  it('leaves ranked candidates unchanged', () => {
    const input = ranked([candidate('T1053.005', 0.4)], [['T1053', 0.6]]);
    reviewAlertTechniques(input, resolve('T1053.005'), index);
    expect(input.candidates[0]).toEqual(candidate('T1053.005', 0.4));
  });

  it('predicts from text without IDs', () => {
    const result = reviewAlertTechniques(ranked([candidate('T1053.005', 0.4), candidate('T1059', 0.2)], [['T1053', 0.6]]), [], index);
    expect(result.candidates.map((item) => item.id)).toEqual(['T1053.005', 'T1059']);
  });

  it('drops a deprecated tag with a note', () => {
    const result = reviewAlertTechniques(ranked([], [], []), resolve('T1053.004'), index);
    expect(result.predicted).toEqual([]);
    expect(result.notes[0]).toMatch(/deprecated/);
  });
});
