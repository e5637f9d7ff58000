import { describe, expect, it } from 'vitest';
import { parseError, parseSample } from '../../support/parse-sample.js';

const elasticAlert = {
  '@timestamp': '2026-03-14T10:00:05.120Z',
  'kibana.alert.original_time': '2026-03-14T09:59:58.000Z',
  'kibana.alert.rule.name': 'Scheduled Task Created by a Script Interpreter',
  'kibana.alert.rule.description': 'Identifies a scheduled task created by a script interpreter.',
  'kibana.alert.rule.rule_id': '7e2f0c6a-1111-4c1e-9d7a-000000000001',
  'kibana.alert.severity': 'high',
  'kibana.alert.risk_score': 73,
  'kibana.alert.reason': 'process event with process schtasks.exe, by m.okafor on fin-07.example.com created high alert.',
  'kibana.alert.rule.parameters': { query: 'process.name : "schtasks.exe"' },
  'kibana.alert.rule.threat': [
    { framework: 'MITRE ATT&CK', tactic: { id: 'TA0003', name: 'Persistence', reference: 'https://attack.mitre.org/tactics/TA0003/' }, technique: [{ id: 'T1053', name: 'Scheduled Task/Job', subtechnique: [{ id: 'T1053.005', name: 'Scheduled Task' }] }] },
  ],
  host: { name: 'fin-07.example.com', ip: ['10.12.0.7'] },
  user: { name: 'm.okafor', domain: 'FIN' },
  process: { name: 'schtasks.exe', command_line: 'schtasks /create /tn Sync /tr C:\\Users\\Public\\s.exe' },
  event: { category: ['process'], action: 'start' },
};

describe('ecsAlertAdapter', () => {
  it('reads an Elastic Security alert', () => {
    const alert = parseSample(JSON.stringify(elasticAlert));
    expect(alert.format).toBe('ecs');
    expect(alert.description).toBe('Identifies a scheduled task created by a script interpreter.');
    expect(alert.ruleName).toBe('Scheduled Task Created by a Script Interpreter');
    expect(alert.ruleId).toBe('7e2f0c6a-1111-4c1e-9d7a-000000000001');
    expect(alert.severity).toBe('high');
    expect(alert.severityLevel).toBe('high');
    expect(alert.sensor).toBe('Elastic Security');
  });

  it('takes the event time over the alert time', () => {
    expect(parseSample(JSON.stringify(elasticAlert)).timestamp).toBe('2026-03-14T09:59:58Z');
  });

  it('collects technique and sub-technique IDs from the threat mapping', () => {
    const alert = parseSample(JSON.stringify(elasticAlert));
    expect(alert.attackIds).toEqual(['T1053', 'T1053.005']);
    expect(alert.attackTactics).toEqual(['TA0003', 'Persistence']);
  });

  it('names the host as the target of a host event', () => {
    const alert = parseSample(JSON.stringify(elasticAlert));
    expect(alert.destination).toEqual({ host: 'fin-07.example.com', address: '10.12.0.7' });
    expect(alert.source.user).toBe('FIN\\m.okafor');
  });

  it('leads the details with the reason and leaves rule settings out', () => {
    const alert = parseSample(JSON.stringify(elasticAlert));
    expect(alert.details?.split('\n')[0]).toBe(elasticAlert['kibana.alert.reason']);
    expect(alert.details).toContain('process.command_line: schtasks /create');
    expect(alert.details).not.toContain('kibana.alert.rule.parameters');
  });

  it('reads a plain ECS network event', () => {
    const event = { '@timestamp': '2026-03-14T10:00:00Z', ecs: { version: '8.11.0' }, message: 'Connection to a known bad address', source: { ip: '10.0.5.5', port: 50000 }, destination: { ip: '203.0.113.200', port: 4444 }, network: { transport: 'tcp' }, observer: { product: 'Packetbeat', hostname: 'tap-1' }, threat: { technique: { id: ['T1571'] } } };
    const alert = parseSample(JSON.stringify(event));
    expect(alert.format).toBe('ecs');
    expect(alert.destination).toEqual({ address: '203.0.113.200', port: 4444 });
    expect(alert.protocol).toBe('TCP');
    expect(alert.sensor).toBe('Packetbeat');
    expect(alert.attackIds).toEqual(['T1571']);
  });

  it('rejects a document with nothing to describe it', () => {
    const error = parseError(JSON.stringify({ '@timestamp': '2026-03-14T10:00:00Z', ecs: { version: '8.11.0' }, source: { ip: '10.0.5.5' } }));
    expect(error.message).toBe('sample: the ECS document has no rule name, rule description, message or event.action');
  });
});
