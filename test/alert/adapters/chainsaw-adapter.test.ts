import { describe, expect, it } from 'vitest';
import { parseError, parseSample } from '../../support/parse-sample.js';

const detection = {
  group: 'Sigma',
  kind: 'individual',
  document: {
    kind: 'evtx',
    path: 'C:\\cases\\ws-3\\Security.evtx',
    data: {
      Event: {
        System: { Provider_attributes: { Name: 'Microsoft-Windows-Security-Auditing' }, EventID: 5145, Channel: 'Security', Computer: 'files-1.example.com', TimeCreated_attributes: { SystemTime: '2026-03-14T02:17:09.123456Z' } },
        EventData: { SubjectUserName: 'svc_backup', SubjectDomainName: 'EXAMPLE', IpAddress: '10.20.4.37', IpPort: '50122', ShareName: '\\\\*\\IPC$', RelativeTargetName: 'atsvc' },
      },
    },
  },
  name: 'Remote Task Creation via ATSVC Named Pipe',
  timestamp: '2026-03-14T02:17:09.123456+00:00',
  authors: ['A. Analyst'],
  level: 'medium',
  source: 'sigma',
  status: 'test',
  id: 'f6de6525-0000-4000-8000-000000000003',
  tags: ['attack.lateral-movement', 'attack.persistence', 'attack.t1053.002'],
};

describe('chainsawAdapter', () => {
  it('reads the rule and the matched event', () => {
    const alert = parseSample(JSON.stringify([detection]));
    expect(alert.format).toBe('chainsaw');
    expect(alert.description).toBe('Remote Task Creation via ATSVC Named Pipe');
    expect(alert.ruleId).toBe('f6de6525-0000-4000-8000-000000000003');
    expect(alert.severityLevel).toBe('medium');
    expect(alert.source).toEqual({ address: '10.20.4.37', port: 50122, user: 'EXAMPLE\\svc_backup' });
    expect(alert.destination).toEqual({ host: 'files-1.example.com' });
    expect(alert.timestamp).toBe('2026-03-14T02:17:09.123Z');
    expect(alert.originalLog).toBe('C:\\cases\\ws-3\\Security.evtx');
  });

  it('splits technique and tactic tags', () => {
    const alert = parseSample(JSON.stringify(detection));
    expect(alert.attackIds).toEqual(['attack.t1053.002']);
    expect(alert.attackTactics).toEqual(['attack.lateral-movement', 'attack.persistence']);
  });

  it('lists the event data in the details', () => {
    const alert = parseSample(JSON.stringify(detection));
    expect(alert.details).toContain('document.data.Event.EventData.RelativeTargetName: atsvc');
  });

  it('counts the documents of an aggregate hit', () => {
    const { document, ...rest } = detection;
    const alert = parseSample(JSON.stringify({ ...rest, kind: 'aggregate', documents: [document, document, document] }));
    expect(alert.eventCount).toBe(3);
    expect(alert.source.address).toBe('10.20.4.37');
  });

  it('rejects several detections', () => {
    expect(parseError(JSON.stringify([detection, detection])).message).toBe('sample: the JSON array contains 2 alerts; "explain" reads one');
  });

  it('rejects a detection without a rule name', () => {
    expect(parseError(JSON.stringify({ ...detection, name: ' ' }), 'chainsaw').message).toBe('sample: the Chainsaw detection has no rule "name"');
  });
});
