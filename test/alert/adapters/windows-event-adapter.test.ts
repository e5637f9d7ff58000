import { describe, expect, it } from 'vitest';
import { parseError, parseSample } from '../../support/parse-sample.js';

const taskXml = '<?xml version="1.0"?><Task><Actions><Exec><Command>C:\\Windows\\Temp\\upd.bat</Command><Arguments>/q</Arguments></Exec></Actions><Principals><Principal><UserId>S-1-5-18</UserId></Principal></Principals></Task>';
const evtxRecord = {
  Event: {
    System: { Provider: { '#attributes': { Name: 'Microsoft-Windows-Security-Auditing' } }, EventID: 4698, Channel: 'Security', Computer: 'app-2.example.org', TimeCreated: { '#attributes': { SystemTime: '2026-03-14T02:17:10.5000000Z' } } },
    EventData: { SubjectUserName: 'svc_patch', SubjectDomainName: 'EXAMPLE', TaskName: '\\At2', TaskContent: taskXml },
  },
};

describe('windowsEventAdapter', () => {
  it('reads an evtx JSON record', () => {
    const alert = parseSample(JSON.stringify(evtxRecord));
    expect(alert.format).toBe('windows-event');
    expect(alert.description).toBe('A scheduled task was created (event 4698).');
    expect(alert.sensor).toBe('Microsoft-Windows-Security-Auditing');
    expect(alert.destination).toEqual({ host: 'app-2.example.org' });
    expect(alert.source.user).toBe('EXAMPLE\\svc_patch');
    expect(alert.timestamp).toBe('2026-03-14T02:17:10.500Z');
    expect(alert.originalLog).toBe('the Security event log');
  });

  it('says what a new task runs', () => {
    const alert = parseSample(JSON.stringify(evtxRecord));
    expect(alert.details?.split('\n').slice(0, 2)).toEqual(['Task runs: C:\\Windows\\Temp\\upd.bat /q', 'Task runs as: S-1-5-18']);
  });

  it('reads named Data elements and the client address of 5145', () => {
    const record = {
      Event: {
        System: { Provider: { '@Name': 'Microsoft-Windows-Security-Auditing' }, EventID: { '#text': '5145' }, Computer: 'app-2.example.org' },
        EventData: { Data: [{ '@Name': 'IpAddress', '#text': '::ffff:10.20.4.37' }, { '@Name': 'RelativeTargetName', '#text': 'atsvc' }, { '@Name': 'SubjectUserName', '#text': 'svc_patch' }] },
      },
    };
    const alert = parseSample(JSON.stringify(record));
    expect(alert.description).toBe('A network share object was checked to see whether client can be granted desired access (event 5145).');
    expect(alert.source.address).toBe('10.20.4.37');
    expect(alert.details).toContain('Event.EventData.RelativeTargetName: atsvc');
  });

  it('reads a PowerShell ConvertTo-Json record', () => {
    const record = { Id: 7045, ProviderName: 'Service Control Manager', LogName: 'System', MachineName: 'app-3.example.org', TimeCreated: '/Date(1773454629000)/', Message: 'A service was installed in the system.\r\n\r\nService Name:  updsvc' };
    const alert = parseSample(JSON.stringify(record));
    expect(alert.description).toBe('A service was installed in the system (event 7045).');
    expect(alert.timestamp).toBe('2026-03-14T02:17:09Z');
  });

  it('reads both sides of a Sysmon network event', () => {
    const record = { winlog: { event_id: '3', provider_name: 'Microsoft-Windows-Sysmon', computer_name: 'ws-5.example.com', event_data: { SourceIp: '10.5.5.5', SourcePort: '50001', DestinationIp: '203.0.113.80', DestinationPort: '443', User: 'EXAMPLE\\l.moreau' } } };
    const alert = parseSample(JSON.stringify(record));
    expect(alert.source).toEqual({ address: '10.5.5.5', port: 50001, host: 'ws-5.example.com', user: 'EXAMPLE\\l.moreau' });
    expect(alert.destination).toEqual({ address: '203.0.113.80', port: 443 });
  });

  it('rejects a record without an event ID', () => {
    const record = { Event: { System: { Computer: 'app-2.example.org' }, EventData: {} } };
    expect(parseError(JSON.stringify(record)).message).toBe('sample: the Windows event record has no numeric event ID');
  });
});
