import { describe, expect, it } from 'vitest';
import { scoreReadability } from '../../../src/eval/scorers/score-readability.js';
import { editedExplanation, scorerContext } from '../../support/eval-builders.js';

const grade16 =
  'The unauthorised instantiation of persistent scheduled execution mechanisms through legacy administrative interfaces constitutes a significant organisational vulnerability necessitating comprehensive investigation, systematic remediation and subsequent verification of infrastructure configuration integrity across interconnected environments.';

describe('scoreReadability', () => {
  it('passes short plain sentences', () => {
    const result = scoreReadability(scorerContext());
    expect(result.pass).toBe(true);
    expect(result.score).toBe(1);
  });

  it('fails a grade-16 paragraph', () => {
    const explanation = editedExplanation((draft) => {
      draft.interpretation.summary = grade16;
    });
    const result = scoreReadability(scorerContext({ explanation }));
    expect(result.pass).toBe(false);
    expect(result.reason).toMatch(/grade (?:1[6-9]|[2-9]\d)(?:\.\d)? for the summary/);
  });

  it('fails a hard impact section', () => {
    const explanation = editedExplanation((draft) => {
      draft.impact.reputational = grade16;
    });
    expect(scoreReadability(scorerContext({ explanation })).reason).toMatch(/and \d+(?:\.\d)? for the impact/);
    expect(scoreReadability(scorerContext({ explanation })).pass).toBe(false);
  });

  it('fails jargon left unexplained', () => {
    const explanation = editedExplanation((draft) => {
      draft.interpretation.summary = 'The host used SMB to reach IPC$ on 10.2.2.10.';
    });
    const result = scoreReadability(scorerContext({ explanation }));
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('unexplained jargon: SMB and IPC$');
  });

  it('accepts jargon the details explain', () => {
    const explanation = editedExplanation((draft) => {
      draft.interpretation.summary = 'The host used SMB to reach 10.2.2.10.';
      draft.interpretation.details = 'SMB is the Windows file-sharing protocol.';
    });
    expect(scoreReadability(scorerContext({ explanation })).pass).toBe(true);
  });

  it('accepts jargon named in brackets', () => {
    const explanation = editedExplanation((draft) => {
      draft.impact.dataBreach = 'A remote login tool (SSH) was used to reach 10.2.2.10.';
    });
    expect(scoreReadability(scorerContext({ explanation })).pass).toBe(true);
  });

  it('uses the case maximum grade', () => {
    expect(scoreReadability(scorerContext({ maxReadingGrade: 1 })).pass).toBe(false);
  });
});
