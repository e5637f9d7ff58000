import type { Explanation } from '../../src/explanation/explanation-schema.js';

/** Builds a small valid explanation; each call returns a fresh copy that tests may change. */
export function sampleExplanation(): Explanation {
  return {
    interpretation: { summary: 'A computer asked another one to run a program later.', details: 'The sensor reported: "remote task".' },
    techniques: [
      {
        id: 'T1053.002',
        name: 'Scheduled Task/Job: At',
        tactics: [{ id: 'TA0002', name: 'Execution' }],
        explanation: 'According to MITRE ATT&CK, T1053.002 (Scheduled Task/Job: At) is the technique where adversaries may abuse the at utility.',
        attackQuote: 'Adversaries may abuse the at utility to perform task scheduling for initial or recurring execution of malicious code.',
        url: 'https://attack.mitre.org/techniques/T1053/002/',
      },
    ],
    impact: {
      dataBreach: 'Data on the host could be read.',
      serviceDisruption: 'Services could be stopped.',
      financial: 'Clean-up costs staff time.',
      reputational: 'Customers may lose trust.',
    },
    mitigations: {
      immediate: [{ action: 'Check the scheduled tasks on the host.' }],
      longTerm: [
        {
          action: 'Operating System Configuration: run tasks as the authenticated account.',
          mitigation: { id: 'M1028', name: 'Operating System Configuration', url: 'https://attack.mitre.org/mitigations/M1028/' },
        },
      ],
      bestPractices: [{ action: 'Review scheduled tasks regularly.' }],
    },
    metadata: {
      attackRelease: 'ATT&CK v18.1',
      attackDomain: 'enterprise-attack',
      backend: 'offline',
      generatedAt: '2026-01-01T00:00:00.000Z',
      alertFingerprint: '0123456789abcdef',
    },
  };
}
