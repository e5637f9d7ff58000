import { describe, expect, it } from 'vitest';
import { parseSyslogHeader } from '../../src/alert/parse-syslog-header.js';

describe('parseSyslogHeader', () => {
  it('reads an RFC 3164 line', () => {
    expect(parseSyslogHeader('<37>Mar 14 06:21:03 sensor-02 suricata[2211]: {"a": 1}')).toEqual({
      rfc: '3164', priority: 37, facility: 4, severity: 5, timestamp: 'Mar 14 06:21:03', hostname: 'sensor-02', appName: 'suricata', procId: '2211', message: '{"a": 1}',
    });
  });

  it('reads an RFC 5424 line with nil fields and a BOM', () => {
    expect(parseSyslogHeader('<13>1 2026-03-14T06:21:03Z host-a.example.com - - - - \uFEFFhello')).toEqual({
      rfc: '5424', priority: 13, facility: 1, severity: 5, timestamp: '2026-03-14T06:21:03Z', hostname: 'host-a.example.com', message: 'hello',
    });
  });

  it('keeps a message without a program tag whole', () => {
    expect(parseSyslogHeader('Mar 14 06:21:03 host-b {"a": 1}')?.message).toBe('{"a": 1}');
  });

  it('returns undefined for text without a header', () => {
    expect(parseSyslogHeader('{"timestamp": "2026-03-14"}')).toBeUndefined();
  });
});
