import { describe, expect, it } from 'vitest';
import { parseWithDeadline } from '../../support/parse-with-deadline.js';
import { parseError, parseSample } from '../../support/parse-sample.js';

const snort2Line =
  '03/14-06:21:03.118804  [**] [1:2000419:3] ET POLICY PE EXE or DLL Windows file download [**] [Classification: Potential Corporate Privacy Violation] [Priority: 1] {TCP} 203.0.113.9:80 -> 10.2.3.4:51234';
const snort3Line =
  '12/31-23:59:58.000100 [**] [1:1000020:1] "Inbound RDP connection attempt" [**] [Classification: Attempted Administrator Privilege Gain] [Priority: 1] [AppID: RDP] {TCP} 198.51.100.7:50211 -> 10.9.9.9:3389';

describe('snortFastAdapter', () => {
  it('reads a Snort 2 alert_fast line', () => {
    const alert = parseSample(snort2Line);
    expect(alert.format).toBe('snort-fast');
    expect(alert.description).toBe('ET POLICY PE EXE or DLL Windows file download');
    expect(alert.ruleId).toBe('1:2000419:3');
    expect(alert.category).toBe('Potential Corporate Privacy Violation');
    expect(alert.severity).toBe('1');
    expect(alert.severityLevel).toBe('high');
    expect(alert.protocol).toBe('TCP');
    expect(alert.source).toEqual({ address: '203.0.113.9', port: 80 });
    expect(alert.destination).toEqual({ address: '10.2.3.4', port: 51234 });
  });

  it('infers the missing year from the time of reading', () => {
    const alert = parseSample(snort2Line);
    expect(alert.timestamp).toBe('2026-03-14T06:21:03.118Z');
    expect(alert.notes[0]).toContain('has no year or time zone; read as 2026');
  });

  it('puts a date after the time of reading in the previous year', () => {
    const alert = parseSample(snort3Line);
    expect(alert.timestamp).toBe('2025-12-31T23:59:58Z');
  });

  it('reads a Snort 3 line with a quoted message and AppID', () => {
    const alert = parseSample(snort3Line);
    expect(alert.description).toBe('Inbound RDP connection attempt');
    expect(alert.protocol).toBe('RDP');
  });

  it('reads the year written by snort -y', () => {
    const alert = parseSample(snort2Line.replace('03/14-', '03/14/25-'));
    expect(alert.timestamp).toBe('2025-03-14T06:21:03.118Z');
  });

  it('reads an alert_syslog message', () => {
    const line = '<33>Mar 14 06:21:03 gw-1.example.net snort[311]: [1:2000419:3] ET POLICY PE EXE or DLL Windows file download [Classification: Potential Corporate Privacy Violation] [Priority: 1]: {TCP} 203.0.113.9:80 -> 10.2.3.4:51234';
    const alert = parseSample(line);
    expect(alert.format).toBe('snort-fast');
    expect(alert.sensorHost).toBe('gw-1.example.net');
    expect(alert.destination).toEqual({ address: '10.2.3.4', port: 51234 });
    expect(alert.raw.syslog).toMatchObject({ hostname: 'gw-1.example.net', appName: 'snort', procId: '311' });
  });

  it('rejects a line without its closing marker', () => {
    const error = parseError('03/14-06:21:03.118804  [**] [1:2000419:3] ET POLICY truncated [Priority: 1] {TCP} 203.0.113.9:80 -> 10.2.3.4:51234', 'snort-fast');
    expect(error.message).toMatch(/^sample: the Snort alert line is malformed/);
  });

  it('rejects several lines', () => {
    expect(parseError(`${snort2Line}\n${snort2Line}`).message).toBe('sample: the input has 2 Snort alert lines; "explain" reads one');
  });
});

describe('snortFastAdapter on lines padded with spaces', () => {
  // A backtracking pattern can take hours on such lines, so these cases parse with a deadline.
  const padding = ' '.repeat(256 * 1024);

  it('rejects padding after the closing marker', () => {
    const result = parseWithDeadline(`03/14-06:21:03.118804  [**] [1:2000419:3] ET POLICY test [**]${padding}x`);
    expect(result.timedOut).toBe(false);
    expect(result.outcome).toBe('InputError');
    expect(result.message).toMatch(/the Snort alert line is malformed/);
  });

  it('rejects padding in a message without its closing marker', () => {
    const result = parseWithDeadline(`[**] [1:2000419:3] ET POLICY test${padding}x`);
    expect(result.timedOut).toBe(false);
    expect(result.outcome).toBe('InputError');
  });

  it('rejects padding in an alert_syslog message', () => {
    const result = parseWithDeadline(`[1:2000419:3] ET POLICY test${padding}[Priority: 1]${padding}x {`, 'snort-fast');
    expect(result.timedOut).toBe(false);
    expect(result.outcome).toBe('InputError');
  });

  it('reads a valid line with padded gaps', () => {
    const line = `[**] [1:2000419:3] ET POLICY test${padding}[**]${padding}[Priority: 1]${padding}{TCP} 203.0.113.9:80 -> 10.2.3.4:51234`;
    const alert = parseSample(line);
    expect(alert.description).toBe('ET POLICY test');
    expect(alert.severity).toBe('1');
    expect(alert.destination).toEqual({ address: '10.2.3.4', port: 51234 });
  });
});
