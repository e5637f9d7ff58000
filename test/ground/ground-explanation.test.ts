import { describe, expect, it } from 'vitest';
import { composeOfflineExplanation } from '../../src/compose/compose-offline-explanation.js';
import type { ExplanationDraft } from '../../src/explanation/explanation-schema.js';
import { groundExplanation } from '../../src/ground/ground-explanation.js';
import { readAlert } from '../support/llm-harness.js';
import { realAttackIndex, realMapper } from '../support/real-attack.js';

const alert = readAlert('fixtures/alerts/atsvc-remote-task.txt');

function ground(edit: (draft: ExplanationDraft) => void) {
  const index = realAttackIndex();
  const mapping = realMapper().map(alert, { limit: 10 });
  const fallback = () => composeOfflineExplanation({ alert, mapping, index, maxTechniques: 3 });
  const draft = structuredClone(fallback());
  edit(draft);
  return groundExplanation({ draft, alert, mapping, index, fallback });
}

describe('groundExplanation', () => {
  it('leaves the offline draft unchanged', () => {
    expect(ground(() => {}).corrections).toEqual([]);
  });

  it('removes a sentence citing an unknown technique', () => {
    const { draft, corrections } = ground((draft) => {
      draft.interpretation.summary += ' This is T9001 in action.';
    });

    expect(draft.interpretation.summary).not.toContain('T9001');
    expect(corrections).toEqual(['removed a sentence in the interpretation citing technique T9001, which neither the cited ATT&CK entries nor the alert support']);
  });

  it('removes a sentence with a model-written URL', () => {
    const { draft, corrections } = ground((draft) => {
      draft.techniques[0]!.explanation += ' Read more at https://evil.example.net/at.';
    });

    expect(draft.techniques[0]!.explanation).not.toContain('evil.example.net');
    expect(corrections[0]).toContain('the URL https://evil.example.net/at');
  });

  it('keeps a sentence with the ATT&CK URL', () => {
    const { corrections } = ground((draft) => {
      draft.techniques[0]!.explanation += ' See https://attack.mitre.org/techniques/T1053/002/.';
    });

    expect(corrections).toEqual([]);
  });

  it('keeps the line breaks of the sentences it keeps', () => {
    const { draft } = ground((draft) => {
      draft.interpretation.details = 'The sensor reported a remote task.\nThe task came from 203.0.113.99.\nTerms used: RPC is a remote call.';
    });

    expect(draft.interpretation.details).toBe('The sensor reported a remote task.\nTerms used: RPC is a remote call.');
  });

  it('removes one line of a list, not the whole list', () => {
    const { draft } = ground((draft) => {
      draft.interpretation.details = 'alert.action: allowed\nsource: 203.0.113.99\nprotocol: RPC';
    });

    expect(draft.interpretation.details).toBe('alert.action: allowed\nprotocol: RPC');
  });

  it('removes an invented quotation', () => {
    const { corrections } = ground((draft) => {
      draft.techniques[0]!.explanation += ' ATT&CK says "at jobs are always run by ransomware operators at night".';
    });

    expect(corrections).toEqual(['removed a sentence in the explanation of T1053.002 citing a quotation found neither in ATT&CK nor in the alert, which neither the cited ATT&CK entries nor the alert support']);
  });

  it('rewrites a wrong name after an ID', () => {
    const { draft, corrections } = ground((draft) => {
      draft.techniques[0]!.explanation = 'According to MITRE ATT&CK, T1053.002 (Cron Job) is task scheduling.';
    });

    expect(draft.techniques[0]!.explanation).toBe('According to MITRE ATT&CK, T1053.002 (Scheduled Task/Job: At) is task scheduling.');
    expect(corrections).toEqual(['rewrote the name of T1053.002 in the explanation of T1053.002 from ATT&CK']);
  });

  it('removes an unlinked mitigation ID in text', () => {
    const { corrections } = ground((draft) => {
      draft.mitigations.longTerm[0]!.action += ' Also apply M1040 to stop it.';
    });

    expect(corrections).toEqual(['removed a sentence in the long-term solutions citing mitigation M1040, which neither the cited ATT&CK entries nor the alert support']);
  });

  it('removes a leftover placeholder', () => {
    const { corrections } = ground((draft) => {
      draft.interpretation.summary += ' The account USER_3 started it.';
    });

    expect(corrections[0]).toContain('containing the placeholder USER_3');
  });

  it('removes a sentence that dismisses the alert', () => {
    const { draft, corrections } = ground((draft) => {
      draft.impact.financial = 'The alert is a benign false positive.';
    });

    expect(draft.impact.financial).toBe('Cleaning up a compromised computer takes staff time, and downtime can stop business work.');
    expect(corrections).toEqual(['removed a sentence in the financial impact dismissing the alert, which neither the alert nor ATT&CK can show']);
  });

  it('refills techniques when none can be kept', () => {
    const { draft, corrections } = ground((draft) => {
      draft.techniques = [{ ...draft.techniques[0]!, id: 'T1486' }];
    });

    expect(draft.techniques.map((technique) => technique.id)).toEqual(['T1053.002']);
    expect(corrections).toEqual([
      'removed technique T1486: neither the mapper nor the alert proposed it',
      'filled the techniques from the offline composer because none of the cited ones could be kept',
    ]);
  });

  it('replaces a revoked ID with its successor', () => {
    const { draft, corrections } = ground((draft) => {
      draft.techniques[0]!.id = 'T1053.001';
    });

    expect(draft.techniques[0]!.id).toBe('T1053.002');
    expect(corrections[0]).toMatch(/^replaced T1053.001 with T1053.002/);
  });
});
