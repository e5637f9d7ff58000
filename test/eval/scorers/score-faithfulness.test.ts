import { describe, expect, it } from 'vitest';
import { scoreFaithfulness } from '../../../src/eval/scorers/score-faithfulness.js';
import { editedExplanation, scorerContext } from '../../support/eval-builders.js';

describe('scoreFaithfulness', () => {
  it('passes facts taken from the alert', () => {
    const result = scoreFaithfulness(scorerContext());
    expect(result.pass).toBe(true);
    expect(result.reason).toContain('appear in the alert');
  });

  it('fails an address not in the alert', () => {
    const explanation = editedExplanation((draft) => {
      draft.interpretation.summary += ' The attacker also reached 198.51.100.77.';
    });
    const result = scoreFaithfulness(scorerContext({ explanation }));
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('198.51.100.77 (interpretation.summary)');
  });

  it('fails an invented host and account', () => {
    const explanation = editedExplanation((draft) => {
      draft.impact.dataBreach = 'Files on db01.corp.example.com that CORP\\jsmith can read are at risk.';
    });
    const result = scoreFaithfulness(scorerContext({ explanation }));
    expect(result.reason).toContain('db01.corp.example.com');
    expect(result.reason).toContain('CORP\\jsmith');
  });

  it('fails a time not in the alert', () => {
    const explanation = editedExplanation((draft) => {
      draft.interpretation.summary += ' It started at 03:12:44 UTC.';
    });
    expect(scoreFaithfulness(scorerContext({ explanation })).pass).toBe(false);
  });

  it('fails a port not in the alert', () => {
    const explanation = editedExplanation((draft) => {
      draft.mitigations.immediate[0]!.action = 'Block port 4444 on 10.2.2.10.';
    });
    expect(scoreFaithfulness(scorerContext({ explanation })).reason).toContain('port 4444');
  });

  it('accepts the alert time written in UTC', () => {
    const explanation = editedExplanation((draft) => {
      draft.interpretation.summary += ' It happened on 2024-07-01 at 19:20:15 UTC.';
    });
    expect(scoreFaithfulness(scorerContext({ explanation })).pass).toBe(true);
  });

  it('scores the share of supported facts', () => {
    const explanation = editedExplanation((draft) => {
      draft.impact.financial = 'Costs grow if 203.0.113.9 is involved.';
    });
    const result = scoreFaithfulness(scorerContext({ explanation }));
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(1);
  });
});
