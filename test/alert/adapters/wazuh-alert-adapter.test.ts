import { describe, expect, it } from 'vitest';
import { parseError, parseSample } from '../../support/parse-sample.js';

const wazuhAlert = {
  timestamp: '2026-03-14T23:30:00.000-0500',
  rule: { level: 12, description: 'Windows: Nouvelle tâche planifiée créée — «MajSystème»', id: '60139', mitre: { id: ['T1053.005'], tactic: ['Persistence', 'Execution'], technique: ['Scheduled Task'] }, firedtimes: 1, groups: ['windows'] },
  agent: { id: '017', name: 'ws-lyon-04.example.com', ip: '10.44.0.17' },
  manager: { name: 'wazuh-manager.example.com' },
  data: { win: { system: { eventID: '4698' }, eventdata: { subjectUserName: 'j.dupont', taskName: '\\MajSystème' } } },
  full_log: 'x'.repeat(100),
};

describe('wazuhAlertAdapter', () => {
  it('maps rule, agent and ATT&CK fields', () => {
    const alert = parseSample(JSON.stringify(wazuhAlert));
    expect(alert.format).toBe('wazuh');
    expect(alert.ruleId).toBe('60139');
    expect(alert.severity).toBe('12');
    expect(alert.severityLevel).toBe('high');
    expect(alert.attackIds).toEqual(['T1053.005']);
    expect(alert.attackTactics).toEqual(['Persistence', 'Execution']);
    expect(alert.destination).toEqual({ address: '10.44.0.17', host: 'ws-lyon-04.example.com' });
    expect(alert.source.user).toBe('j.dupont');
    expect(alert.sensorHost).toBe('wazuh-manager.example.com');
  });

  it('preserves non-English text exactly', () => {
    const alert = parseSample(JSON.stringify(wazuhAlert));
    expect(alert.description).toBe('Windows: Nouvelle tâche planifiée créée — «MajSystème»');
    expect(alert.details).toContain('data.win.eventdata.taskName: \\MajSystème');
  });

  it('converts the offset across the date boundary', () => {
    expect(parseSample(JSON.stringify(wazuhAlert)).timestamp).toBe('2026-03-15T04:30:00Z');
  });

  it('reads login names and the correlation count', () => {
    const sshd = {
      ...wazuhAlert,
      rule: { level: 10, description: 'sshd: brute force trying to get access to the system.', id: '5712', frequency: '6' },
      full_log: 'Mar 14 04:12:58 db-3 sshd[11]: Failed password for invalid user oracle from 192.0.2.31 port 40022 ssh2',
      previous_output: 'Mar 14 04:12:51 db-3 sshd[10]: Invalid user admin from 192.0.2.31 port 40020',
      data: { srcip: '192.0.2.31', srcport: '40022' },
    };
    const alert = parseSample(JSON.stringify(sshd));
    expect(alert.users).toEqual(['oracle', 'admin']);
    expect(alert.eventCount).toBe(6);
    expect(alert.source).toEqual({ address: '192.0.2.31', port: 40022 });
    expect(alert.details?.split('\n')[0]).toBe(sshd.full_log);
  });

  it('rejects an alert without a rule description', () => {
    const malformed = { ...wazuhAlert, rule: { ...wazuhAlert.rule, description: '' } };
    expect(parseError(JSON.stringify(malformed), 'wazuh').message).toBe('sample: the Wazuh alert has no "rule.description"');
  });
});
