import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseError, parseSample } from '../../support/parse-sample.js';
import { repositoryRoot } from '../../support/real-attack.js';

const eve = JSON.stringify({ timestamp: '2026-03-14T06:21:03.118804+0000', event_type: 'alert', src_ip: '10.0.0.9', dest_ip: '192.0.2.44', alert: { signature: 'ET POLICY Example signature', severity: 3 } });

describe('syslogAdapter', () => {
  it('keeps the sending host as the sensor, never an endpoint', () => {
    const alert = parseSample(readFileSync(join(repositoryRoot, 'fixtures/alerts/cases/15-truncated-eve-syslog.txt'), 'utf8'));
    expect(alert.sensorHost).toBe('sensor-02');
    expect(alert.source.host).toBeUndefined();
    expect(alert.destination).toEqual({ address: '192.0.2.44', port: 443 });
    expect(alert.raw.syslog).toMatchObject({ rfc: '3164', priority: 37, facility: 4, severity: 5, hostname: 'sensor-02', appName: 'suricata', procId: '2211' });
  });

  it('reads an RFC 5424 line with structured data', () => {
    const line = `<165>1 2026-03-14T06:21:03.5Z relay-1.example.net suricata 2211 ALERT [origin ip="192.0.2.1" note="a \\] b"] ${eve}`;
    const alert = parseSample(line);
    expect(alert.format).toBe('suricata-eve');
    expect(alert.sensorHost).toBe('relay-1.example.net');
    expect(alert.raw.syslog).toMatchObject({ rfc: '5424', msgId: 'ALERT', structuredData: '[origin ip="192.0.2.1" note="a \\] b"]' });
  });

  it('reads a key/value message and takes the header time', () => {
    const alert = parseSample('<14>Mar  4 23:10:00 fw-2.example.net ids: Description: Port scan detected; Source IP: 203.0.113.5; Destination IP: 10.1.1.1');
    expect(alert.format).toBe('key-value');
    expect(alert.timestamp).toBe('2026-03-04T23:10:00Z');
    expect(alert.sensorHost).toBe('fw-2.example.net');
    expect(alert.sensor).toBe('ids');
  });

  it('reads the ISO timestamp variant without a priority', () => {
    const alert = parseSample(`2026-03-14T06:21:03.118804+01:00 sensor-9 suricata[1]: ${eve}`);
    expect(alert.sensorHost).toBe('sensor-9');
    expect(alert.raw.syslog).toMatchObject({ timestamp: '2026-03-14T06:21:03.118804+01:00' });
  });

  it('names the invalid JSON inside the message', () => {
    const error = parseError(`<37>Mar 14 06:21:03 sensor-02 suricata[2211]: {"event_type": "alert",, "x": 1}`, 'syslog');
    expect(error.message).toMatch(/^sample: the syslog message is invalid JSON at line 1, column \d+/);
  });

  it('rejects a message in no known format', () => {
    const error = parseError('<38>Mar 14 04:12:58 web-02 sshd[21877]: Connection closed by 203.0.113.201 port 51884');
    expect(error.message).toBe('sample: the input matches no supported alert format');
  });

  it('names the host when a forced syslog message matches nothing', () => {
    const error = parseError('<38>Mar 14 04:12:58 web-02 sshd[21877]: Connection closed by 203.0.113.201 port 51884', 'syslog');
    expect(error.message).toBe('sample: the syslog message from web-02 matches no supported alert format');
  });

  it('rejects several syslog lines', () => {
    const line = `<37>Mar 14 06:21:03 sensor-02 suricata[2211]: ${eve}`;
    expect(parseError(`${line}\n${line}`).message).toBe('sample: the input has 2 syslog lines; "explain" reads one');
  });
});
