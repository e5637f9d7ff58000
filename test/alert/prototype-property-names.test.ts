import { describe, expect, it } from 'vitest';
import { parsePartialJson } from '../../src/alert/parse-partial-json.js';
import { parseSample } from '../support/parse-sample.js';

// Values and keys that name Object.prototype properties must read as plain data.
describe('alert formats on prototype property names', () => {
  it('reads app_proto "constructor" as a protocol name', () => {
    const alert = parseSample(JSON.stringify({ event_type: 'alert', src_ip: '192.0.2.1', app_proto: 'constructor', alert: { signature: 'ET test' } }));
    expect(alert.protocol).toBe('CONSTRUCTOR');
  });

  it('reads app_proto "__proto__" as a protocol name', () => {
    const alert = parseSample(JSON.stringify({ event_type: 'alert', src_ip: '192.0.2.1', app_proto: '__proto__', alert: { signature: 'ET test' } }));
    expect(alert.protocol).toBe('__PROTO__');
  });

  it('keeps an ECS severity named "constructor" off the common scale', () => {
    const alert = parseSample(JSON.stringify({ '@timestamp': '2026-03-14T06:21:03Z', ecs: { version: '8.11.0' }, message: 'ECS test', event: { severity_name: 'constructor' } }));
    expect(alert.severity).toBe('constructor');
    expect(alert.severityLevel).toBeUndefined();
  });

  it('keeps Hayabusa tactics named like prototype properties', () => {
    const record = { Timestamp: '2026-03-14 06:21:03.000 +00:00', RuleTitle: 'Hayabusa test', Level: 'toString', MitreTactics: ['__proto__', 'Persis'], Computer: 'WS1' };
    const alert = parseSample(JSON.stringify(record));
    expect(alert.severityLevel).toBeUndefined();
    expect(alert.attackTactics).toEqual(['__proto__', 'Persistence']);
  });

  it('reads a Zeek field named "__proto__"', () => {
    const log = [
      '#separator \\x09',
      '#fields\tts\tnote\tmsg\t__proto__',
      '#types\ttime\tstring\tstring\tset[string]',
      '1773460021.48\tSSH::Password_Guessing\tZeek test\ta,b',
    ].join('\n');
    const alert = parseSample(log);
    expect(alert.description).toBe('Zeek test');
    expect(alert.details).toContain('__proto__: a');
  });

  it('keeps a Windows event Data item named "__proto__"', () => {
    const data = [
      { '@Name': '__proto__', '#text': { IpAddress: '203.0.113.66' } },
      { '@Name': 'SubjectUserName', '#text': 'bob' },
    ];
    const alert = parseSample(JSON.stringify({ Event: { System: { EventID: 4698, Channel: 'Security', Computer: 'WS1' }, EventData: { Data: data } } }));
    expect(alert.details).toContain('203.0.113.66');
  });

  it('keeps a "__proto__" member of a cut record', () => {
    const partial = parsePartialJson('{"__proto__": {"a": 1}, "b": "cut');
    expect(Object.keys(partial!.value as object)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(partial!.value)).toBe(Object.prototype);
  });
});
