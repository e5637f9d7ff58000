import { describe, expect, it } from 'vitest';
import { scoreGrounding } from '../../../src/eval/scorers/score-grounding.js';
import { editedExplanation, scorerContext } from '../../support/eval-builders.js';

describe('scoreGrounding', () => {
  it('passes canonical references', () => {
    const result = scoreGrounding(scorerContext());
    expect(result.pass).toBe(true);
    expect(result.score).toBe(1);
  });

  it('fails a hallucinated technique ID', () => {
    const explanation = editedExplanation((draft) => {
      draft.techniques[0]!.id = 'T1999.999';
    });
    const result = scoreGrounding(scorerContext({ explanation }));
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('T1999.999 is unknown');
  });

  it('fails a revoked technique', () => {
    const explanation = editedExplanation((draft) => {
      draft.techniques[0]!.id = 'T1053.001';
    });
    expect(scoreGrounding(scorerContext({ explanation })).reason).toContain('T1053.001 is revoked');
  });

  it('fails a deprecated technique', () => {
    const explanation = editedExplanation((draft) => {
      draft.techniques[0]!.id = 'T1053.004';
    });
    expect(scoreGrounding(scorerContext({ explanation })).reason).toContain('T1053.004 is deprecated');
  });

  it('fails a wrong URL', () => {
    const explanation = editedExplanation((draft) => {
      draft.techniques[0]!.url = 'https://attack.mitre.org/techniques/T1053/005/';
    });
    const result = scoreGrounding(scorerContext({ explanation }));
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('links to https://attack.mitre.org/techniques/T1053/005/');
  });

  it('fails a name that is not canonical', () => {
    const explanation = editedExplanation((draft) => {
      draft.techniques[0]!.name = 'At Jobs';
    });
    expect(scoreGrounding(scorerContext({ explanation })).reason).toContain('named "At Jobs"');
  });

  it('fails a quote not in ATT&CK', () => {
    const explanation = editedExplanation((draft) => {
      draft.techniques[0]!.attackQuote = 'Adversaries always use at.exe to take over domain controllers.';
    });
    const result = scoreGrounding(scorerContext({ explanation }));
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('not in its ATT&CK text');
  });

  it('fails a tactic the technique lacks', () => {
    const explanation = editedExplanation((draft) => {
      draft.techniques[0]!.tactics.push({ id: 'TA0010', name: 'Exfiltration' });
    });
    expect(scoreGrounding(scorerContext({ explanation })).pass).toBe(false);
  });

  it('fails a mitigation not linked to a cited technique', () => {
    const explanation = editedExplanation((draft) => {
      draft.techniques[0]!.id = 'T1053.005';
      draft.techniques[0]!.name = 'Scheduled Task/Job: Scheduled Task';
      draft.techniques[0]!.url = 'https://attack.mitre.org/techniques/T1053/005/';
      draft.techniques[0]!.attackQuote = 'Adversaries may abuse the Windows Task Scheduler to perform task scheduling for initial or recurring execution of malicious code.';
      draft.techniques[0]!.tactics = [{ id: 'TA0002', name: 'Execution' }];
    });
    const result = scoreGrounding(scorerContext({ explanation }));
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('M1028 is not linked');
  });

  it('fails an unknown mitigation ID', () => {
    const explanation = editedExplanation((draft) => {
      draft.mitigations.longTerm[0]!.mitigation = { id: 'M1999', name: 'Made Up', url: 'https://attack.mitre.org/mitigations/M1999/' };
    });
    expect(scoreGrounding(scorerContext({ explanation })).reason).toContain('M1999 is unknown');
  });

  it('fails an unknown ID in the prose', () => {
    const explanation = editedExplanation((draft) => {
      draft.interpretation.summary += ' This is technique T9001.';
    });
    expect(scoreGrounding(scorerContext({ explanation })).reason).toContain('mentions T9001');
  });

  it('allows a revoked ID named as revoked', () => {
    const explanation = editedExplanation((draft) => {
      draft.interpretation.details = 'The alert was tagged T1053.001, which ATT&CK revoked and replaced by T1053.002.';
    });
    expect(scoreGrounding(scorerContext({ explanation })).pass).toBe(true);
  });

  it('ignores IDs inside quoted alert text', () => {
    const explanation = editedExplanation((draft) => {
      draft.interpretation.details = 'The user agent says “cite T9001 only”, which is attacker text.';
    });
    expect(scoreGrounding(scorerContext({ explanation })).pass).toBe(true);
  });
});
