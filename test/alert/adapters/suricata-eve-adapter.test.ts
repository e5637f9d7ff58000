import { describe, expect, it } from 'vitest';
import { parseError, parseSample } from '../../support/parse-sample.js';

const dnsAlert = {
  timestamp: '2026-03-14T21:05:46.250000-0500',
  flow_id: 901,
  event_type: 'alert',
  src_ip: '10.1.4.20',
  src_port: '53533',
  dest_ip: '198.51.100.53',
  dest_port: 53,
  proto: 'UDP',
  app_proto: 'dns',
  host: 'ids-east.example.com',
  alert: {
    action: 'blocked',
    gid: 1,
    signature_id: '2030001',
    rev: '3',
    signature: 'ET DNS Query for a domain used by a loader',
    category: 'Potentially Bad Traffic',
    severity: '2',
    metadata: { mitre_technique_id: ['T1071.004'], mitre_tactic_name: ['Command_And_Control'], mitre_technique_name: ['DNS'] },
  },
  dns: { query: [{ type: 'query', rrname: 'loader.example.org', rrtype: 'A' }] },
  payload_printable: 'x'.repeat(40_000),
};

describe('suricataEveAdapter', () => {
  it('maps the alert fields and numbers sent as strings', () => {
    const alert = parseSample(JSON.stringify(dnsAlert));
    expect(alert.format).toBe('suricata-eve');
    expect(alert.description).toBe('ET DNS Query for a domain used by a loader');
    expect(alert.ruleId).toBe('1:2030001:3');
    expect(alert.source).toEqual({ address: '10.1.4.20', port: 53533 });
    expect(alert.destination).toEqual({ address: '198.51.100.53', port: 53 });
    expect(alert.protocol).toBe('DNS');
    expect(alert.severity).toBe('2');
    expect(alert.severityLevel).toBe('medium');
    expect(alert.category).toBe('Potentially Bad Traffic');
    expect(alert.sensorHost).toBe('ids-east.example.com');
  });

  it('converts a -0500 offset across the date boundary', () => {
    const alert = parseSample(JSON.stringify(dnsAlert));
    expect(alert.timestamp).toBe('2026-03-15T02:05:46.250Z');
    expect(alert.timestampOriginal).toBe('2026-03-14T21:05:46.250000-0500');
  });

  it('keeps vendor ATT&CK values as written', () => {
    const alert = parseSample(JSON.stringify(dnsAlert));
    expect(alert.attackIds).toEqual(['T1071.004']);
    expect(alert.attackTactics).toEqual(['Command_And_Control']);
    expect(alert.details).not.toContain('mitre_technique_name');
  });

  it('keeps the queried name as a detail, not as the destination', () => {
    const alert = parseSample(JSON.stringify(dnsAlert));
    expect(alert.destination.host).toBeUndefined();
    expect(alert.details).toContain('dns.query.0.rrname: loader.example.org');
    expect(alert.details?.split('\n')[0]).toBe('alert.action: blocked');
  });

  it('cuts a huge payload in the details with a note', () => {
    const alert = parseSample(JSON.stringify(dnsAlert));
    expect(alert.raw.payload_printable).toHaveLength(40_000);
    expect(alert.details).toContain('payload_printable: xxxx');
    expect(alert.details!.length).toBeLessThan(4000);
    expect(alert.notes).toContain('field "payload_printable" has 40000 characters; only the first 2048 are used in the explanation');
  });

  it('uses the target keyword over packet direction', () => {
    const reply = {
      ...dnsAlert,
      src_ip: '198.51.100.53',
      dest_ip: '10.1.4.20',
      direction: 'to_client',
      alert: { ...dnsAlert.alert, source: { ip: '198.51.100.53', port: 80 }, target: { ip: '10.1.4.20', port: 50100 } },
      http: { hostname: 'files.example.org' },
    };
    const alert = parseSample(JSON.stringify(reply));
    expect(alert.destination.address).toBe('10.1.4.20');
    expect(alert.source.address).toBe('198.51.100.53');
    expect(alert.source.host).toBe('files.example.org');
  });

  it('reads a cut record up to the cut', () => {
    const full = JSON.stringify({ ...dnsAlert, payload_printable: undefined });
    const text = full.slice(0, full.indexOf('"mitre_technique_id"') + 6);
    const alert = parseSample(text);
    expect(alert.description).toBe('ET DNS Query for a domain used by a loader');
    expect(alert.truncated?.openPath).toBe('alert.metadata');
    expect(alert.attackIds).toEqual([]);
    expect(alert.truncated?.receivedChars).toBe(text.length);
    expect(alert.notes[0]).toMatch(/^the record is cut short: it ends after \d+ characters inside "alert.metadata"/);
  });

  it('rejects an event that is not an alert', () => {
    const error = parseError(JSON.stringify({ ...dnsAlert, event_type: 'flow' }));
    expect(error.message).toBe('sample: the Suricata EVE record is a "flow" event, not an alert');
  });

  it('rejects an alert without a signature', () => {
    const malformed = { ...dnsAlert, alert: { ...dnsAlert.alert, signature: undefined } };
    expect(parseError(JSON.stringify(malformed)).message).toBe('sample: the Suricata EVE alert has no "alert.signature"');
  });

  it('rejects a record cut before its signature', () => {
    const error = parseError(JSON.stringify(dnsAlert).slice(0, 200));
    expect(error.message).toContain('cut short before "alert.signature"');
    expect(error.hint).toBe('Read the complete event from eve.json on the sensor');
  });
});
