import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alert/alert-schema.js';
import { describeAlertScope, reportsFailedLoginsOnly } from '../../src/compose/describe-alert-scope.js';

function alertWith(fields: Partial<Alert>): Alert {
  return { format: 'json', description: 'x', source: {}, destination: {}, attackIds: [], attackTactics: [], hosts: [], users: [], notes: [], raw: {}, ...fields };
}

describe('reportsFailedLoginsOnly', () => {
  it('is true for failed SSH passwords', () => {
    expect(reportsFailedLoginsOnly(alertWith({ description: 'sshd: authentication failures for invalid user' }))).toBe(true);
  });

  it('is false when a login was accepted', () => {
    const alert = alertWith({ description: 'sshd: brute force', details: 'Accepted password for root from 192.0.2.1 port 22 ssh2' });
    expect(reportsFailedLoginsOnly(alert)).toBe(false);
  });

  it('is false for failures unrelated to logins', () => {
    expect(reportsFailedLoginsOnly(alertWith({ description: 'Disk write failed on backup volume' }))).toBe(false);
  });
});

describe('describeAlertScope', () => {
  it('states the event count', () => {
    expect(describeAlertScope(alertWith({ eventCount: 30 }))).toEqual(['The sensor counted 30 related events before raising the alert.']);
  });

  it('says a cut record is partial', () => {
    expect(describeAlertScope(alertWith({ truncated: { receivedChars: 10, openPath: 'alert' } }))).toEqual([
      'Only part of the alert record arrived, so this explanation covers the part that was received.',
    ]);
  });

  it('adds nothing for a plain alert', () => {
    expect(describeAlertScope(alertWith({}))).toEqual([]);
  });
});
