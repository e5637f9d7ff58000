import { describe, expect, it } from 'vitest';
import { parseAlert } from '../../src/alert/parse-alert.js';
import { tokenizeAlert } from '../../src/batch/tokenize-alert.js';
import { fingerprintAlert } from '../../src/explain/fingerprint-alert.js';

function eve(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    timestamp: '2026-03-14T21:00:03.565923-0500',
    flow_id: 1800484294358224,
    src_ip: '198.51.100.201',
    src_port: 55242,
    dest_ip: '10.20.2.40',
    dest_port: 3389,
    proto: 'TCP',
    alert: { signature_id: 2099987, signature: 'ET SCAN Repeated inbound RDP connection attempts', category: 'Attempted Information Leak', severity: 2 },
    ...overrides,
  });
}

function tokenize(text: string) {
  const alert = parseAlert(text);
  const tokens = tokenizeAlert(alert, fingerprintAlert(alert));
  if (!tokens) throw new Error('alert could not be tokenized');
  return { alert, tokens };
}

describe('tokenizeAlert', () => {
  it('gives repeats of one signature one key', () => {
    const first = tokenize(eve());
    const second = tokenize(eve({ timestamp: '2026-03-14T21:05:46.615332-0500', flow_id: 1800976800676231, src_ip: '203.0.113.9', src_port: 60838, dest_ip: '10.20.2.41' }));
    expect(second.tokens.templateKey).toBe(first.tokens.templateKey);
  });

  it('keys a different signature apart', () => {
    const first = tokenize(eve());
    const other = tokenize(eve({ alert: { signature_id: 2099987, signature: 'ET SCAN Repeated inbound SSH connection attempts', category: 'Attempted Information Leak', severity: 2 } }));
    expect(other.tokens.templateKey).not.toBe(first.tokens.templateKey);
  });

  it('keys a different severity apart', () => {
    const first = tokenize(eve());
    const other = tokenize(eve({ alert: { signature_id: 2099987, signature: 'ET SCAN Repeated inbound RDP connection attempts', category: 'Attempted Information Leak', severity: 1 } }));
    expect(other.tokens.templateKey).not.toBe(first.tokens.templateKey);
  });

  it('keys equal endpoints apart from distinct ones', () => {
    const distinct = tokenize(eve());
    const same = tokenize(eve({ dest_ip: '198.51.100.201' }));
    expect(same.tokens.templateKey).not.toBe(distinct.tokens.templateKey);
  });

  it('maps tokens back to the alert values', () => {
    const { tokens } = tokenize(eve());
    const values = [...tokens.values.values()];
    for (const expected of ['198.51.100.201', '10.20.2.40', '55242', '3389', '2026-03-15T02:00:03.565Z', '2026-03-15', '02:00:03', '1800484294358224']) {
      expect(values).toContain(expected);
    }
  });

  it('leaves no per-event value in the template', () => {
    const { tokens } = tokenize(eve({ description: 'Seen from 198.51.100.201' }));
    const { timestamp: _time, source: _source, destination: _destination, ...rest } = tokens.createTemplate();
    const text = JSON.stringify(rest);
    for (const value of ['198.51.100.201', '10.20.2.40', '55242', '1800484294358224', '21:00:03']) expect(text).not.toContain(value);
  });

  it('keeps endpoint addresses readable without ports', () => {
    const { tokens } = tokenize(eve());
    const template = tokens.createTemplate();
    expect(template.source).toEqual({ address: '198.51.100.201' });
    expect(template.destination).toEqual({ address: '10.20.2.40' });
  });

  it('keys internal and external targets apart', () => {
    const internal = tokenize(eve());
    const external = tokenize(eve({ dest_ip: '203.0.113.40' }));
    expect(external.tokens.templateKey).not.toBe(internal.tokens.templateKey);
  });

  it('keys every other alert field by content', () => {
    const { alert } = tokenize(eve());
    const fingerprint = fingerprintAlert(alert);
    const first = tokenizeAlert({ ...alert, sensorHost: 'sensor-02' }, fingerprint);
    const second = tokenizeAlert({ ...alert, sensorHost: 'sensor-03' }, fingerprint);
    expect(second?.templateKey).not.toBe(first?.templateKey);
  });

  it('tokenizes addresses in other fields', () => {
    const { alert } = tokenize(eve());
    const fingerprint = fingerprintAlert(alert);
    const first = tokenizeAlert({ ...alert, targets: ['10.20.2.41', '10.20.2.42'] }, fingerprint);
    const second = tokenizeAlert({ ...alert, targets: ['10.20.2.77', '10.20.2.78'] }, fingerprint);
    expect(second?.templateKey).toBe(first?.templateKey);
  });

  it('keeps the rule wording in the template', () => {
    const { tokens } = tokenize(eve());
    expect(tokens.createTemplate().description).toBe('ET SCAN Repeated inbound RDP connection attempts');
  });

  it('keeps the timestamp readable for drafts', () => {
    const { tokens } = tokenize(eve());
    expect(tokens.createTemplate().timestamp).toBe('2026-03-15T02:00:03.565Z');
  });

  it('replaces accounts and hosts inside the description', () => {
    const { tokens } = tokenize('Description: Failed logon for CORP\\jdoe on ws-014.corp.example.com; Source IP: 10.0.0.5');
    const description = tokens.createTemplate().description;
    expect(description).not.toContain('jdoe');
    expect(description).not.toContain('ws-014');
  });

  it('does not replace a value inside a longer word', () => {
    const { tokens } = tokenize('Description: administrator console opened by admin; User: admin; Source IP: 10.0.0.5');
    expect(tokens.createTemplate().description).toMatch(/^administrator console opened by ⟦[A-Z·]+⟧$/);
  });

  it('refuses alerts that contain token marks', () => {
    const alert = parseAlert('Description: odd ⟦A⟧ text; Source IP: 10.0.0.5');
    expect(tokenizeAlert(alert, fingerprintAlert(alert))).toBeUndefined();
  });
});
