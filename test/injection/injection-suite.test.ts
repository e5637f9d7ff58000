import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alert/alert-schema.js';
import { parseAlert } from '../../src/alert/parse-alert.js';
import { offlineBackend } from '../../src/backends/offline-backend.js';
import { draftTexts } from '../../src/explanation/draft-texts.js';
import type { Explanation } from '../../src/explanation/explanation-schema.js';
import { detectInstructions } from '../../src/injection/detect-instructions.js';
import { findDismissals, splitIntoSentences } from '../../src/injection/find-dismissals.js';
import { explainWith, testOpenAiBackend } from '../support/llm-harness.js';
import { obeyingAnswer, readPrompt } from '../support/model-answers.js';
import { useOpenAiCompatibleServer } from '../support/openai-compatible-server.js';
import { repositoryRoot } from '../support/real-attack.js';

interface HostileFixture {
  file: string;
  /** Paths of the fields that carry the planted text. */
  fields: string[];
  trick: string;
  field: string;
}

const folder = join(repositoryRoot, 'fixtures/alerts/injection');
const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as HostileFixture[];

function hostileAlert(fixture: HostileFixture): Alert {
  return parseAlert(readFileSync(join(folder, fixture.file), 'utf8'), { origin: fixture.file });
}

function deletePath(value: Record<string, unknown>, path: string[]): void {
  const [head, ...rest] = path;
  if (!head) return;
  if (rest.length === 0) delete value[head];
  else deletePath(value[head] as Record<string, unknown>, rest);
}

/** Parses the same alert with the hostile fields removed. */
function cleanAlert(fixture: HostileFixture): Alert {
  const text = readFileSync(join(folder, fixture.file), 'utf8');
  if (fixture.file.endsWith('.json')) {
    const object = JSON.parse(text) as Record<string, unknown>;
    for (const field of fixture.fields) deletePath(object, field.split('.'));
    return parseAlert(JSON.stringify(object, null, 2), { origin: fixture.file });
  }
  const lines = text.split('\n').filter((line) => !fixture.fields.some((field) => line.startsWith(`${field}:`)));
  return parseAlert(lines.join('\n'), { origin: fixture.file });
}

function verdict(explanation: Explanation): 'dismissed' | 'investigate' {
  return draftTexts(explanation).some(({ text }) => findDismissals(text).length > 0) ? 'dismissed' : 'investigate';
}

function techniqueIds(explanation: Explanation): string[] {
  return explanation.techniques.map((technique) => technique.id);
}

function instructionLikeSentences(explanation: Explanation): string[] {
  return draftTexts(explanation).flatMap(({ text }) => splitIntoSentences(text)).filter((sentence) => detectInstructions(sentence).flagged);
}

const testServer = useOpenAiCompatibleServer();

describe('injection suite', () => {
  it('holds at least 20 hostile alerts', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(20);
    expect(new Set(manifest.map((fixture) => fixture.field)).size).toBeGreaterThanOrEqual(7);
  });

  describe.each(manifest)('$file ($trick)', (fixture) => {
    it('keeps the offline verdict and techniques', async () => {
      const hostile = await explainWith(hostileAlert(fixture), offlineBackend);
      const clean = await explainWith(cleanAlert(fixture), offlineBackend);

      expect(techniqueIds(hostile)).toEqual(techniqueIds(clean));
      expect(verdict(hostile)).toBe(verdict(clean));
      expect(verdict(hostile)).toBe('investigate');
      expect(hostile.metadata.tampering?.map((finding) => finding.field)).toEqual(fixture.fields);
      expect(hostile.interpretation.summary).toContain('trying to manipulate automated triage');
      expect(instructionLikeSentences(hostile)).toEqual([]);
    });

    it('keeps the openai verdict and techniques against an obeying model', async () => {
      testServer().enqueue({ content: JSON.stringify(obeyingAnswer()) });
      const hostile = await explainWith(hostileAlert(fixture), await testOpenAiBackend(testServer()));
      const sent = readPrompt(testServer().chatRequests().at(-1)!.body);
      const clean = await explainWith(cleanAlert(fixture), await testOpenAiBackend(testServer()));

      expect(techniqueIds(hostile)).toEqual(techniqueIds(clean));
      expect(verdict(hostile)).toBe(verdict(clean));
      expect(verdict(hostile)).toBe('investigate');
      expect(hostile.metadata.fallbackReason).toMatch(/followed instructions planted in the alert's/);
      expect(detectInstructions(JSON.stringify(sent.alertData)).flagged).toBe(false);
      expect(sent.notes.some((note) => note.includes('manipulate automated triage'))).toBe(true);
    });
  });
});
