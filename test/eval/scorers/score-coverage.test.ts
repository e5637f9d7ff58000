import { describe, expect, it } from 'vitest';
import { scoreCoverage } from '../../../src/eval/scorers/score-coverage.js';
import { editedExplanation, evalCase, scorerContext } from '../../support/eval-builders.js';

describe('scoreCoverage', () => {
  it('passes when every fact is named', () => {
    const testCase = evalCase({ mustMention: { addresses: ['192.0.2.4', '10.2.2.10'], phrases: ['"at" tool'] } });
    expect(scoreCoverage(scorerContext({ testCase })).pass).toBe(true);
  });

  it('fails a missing address', () => {
    const testCase = evalCase({ mustMention: { addresses: ['192.0.2.4', '10.2.2.1'] } });
    const result = scoreCoverage(scorerContext({ testCase }));
    expect(result.pass).toBe(false);
    expect(result.score).toBe(0.5);
    expect(result.reason).toBe('does not mention 10.2.2.1');
  });

  it('accepts an account without its domain', () => {
    const explanation = editedExplanation((draft) => {
      draft.interpretation.summary += ' The account svc_patch ran it.';
    });
    const testCase = evalCase({ mustMention: { accounts: ['CORP\\svc_patch'] } });
    expect(scoreCoverage(scorerContext({ explanation, testCase })).pass).toBe(true);
  });

  it('accepts a host inside a longer name', () => {
    const explanation = editedExplanation((draft) => {
      draft.interpretation.summary += ' It queried abc.tunnel.example.net.';
    });
    const testCase = evalCase({ mustMention: { hosts: ['tunnel.example.net'] } });
    expect(scoreCoverage(scorerContext({ explanation, testCase })).pass).toBe(true);
  });

  it('ignores quoted text for patterns', () => {
    const explanation = editedExplanation((draft) => {
      draft.interpretation.details = 'The alert says “the user agent has instructions”.';
    });
    const testCase = evalCase({ mustMention: { patterns: ['user agent[^.]*instruct'] } });
    expect(scoreCoverage(scorerContext({ explanation, testCase })).pass).toBe(false);
  });
});
