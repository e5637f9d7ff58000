import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/privacy/redact-alert.js';
import { shouldRedact } from '../../src/privacy/should-redact.js';
import { readAlert } from '../support/llm-harness.js';

describe('createRedactor', () => {
  const alert = readAlert('fixtures/alerts/cases/01-atsvc-remote-task-kv.txt');

  it('replaces accounts, hosts and internal addresses', () => {
    const text = JSON.stringify(createRedactor(alert).alert);

    for (const value of ['svc_patch', 'FS01.corp.example.com', '10.20.4.37', '10.20.1.15', '10.20.1.9']) expect(text).not.toContain(value);
    expect(text).toContain('account USER_1 requested');
  });

  it('gives one value the same placeholder everywhere', () => {
    const redactor = createRedactor(alert);

    expect(redactor.text('10.20.4.37 and again 10.20.4.37')).toBe('INTERNAL_IP_1 and again INTERNAL_IP_1');
  });

  it('restores placeholders in an answer', () => {
    const redactor = createRedactor(alert);
    const answer = { summary: redactor.text('CORP\\svc_patch on FS01.corp.example.com from 10.20.4.37') };

    expect(redactor.restore(answer)).toEqual({ summary: 'CORP\\svc_patch on FS01.corp.example.com from 10.20.4.37' });
  });

  it('keeps public addresses', () => {
    const redactor = createRedactor(readAlert('fixtures/alerts/cases/08-wazuh-sshd-bruteforce.json'));
    const text = JSON.stringify(redactor.alert);

    expect(text).toContain('203.0.113.201');
    expect(text).not.toContain('10.80.1.12');
    expect(text).not.toMatch(/\bdeploy\b/);
    expect(text).not.toContain('web-02');
  });

  it('counts what it replaced', () => {
    expect(createRedactor(alert).counts).toEqual({ user: 1, host: 1, email: 0, address: 3 });
  });
});

describe('shouldRedact', () => {
  it.each([
    ['auto', undefined, true],
    ['auto', 'https://api.openai.com/v1', true],
    ['auto', 'https://gpu-box.corp.example.org/v1', true],
    ['auto', 'http://localhost:11434/v1', false],
    ['auto', 'http://127.0.0.1:8000/v1', false],
    ['auto', 'http://10.1.2.3:8000/v1', false],
    ['auto', 'http://[::1]:8080/v1', false],
    ['on', 'http://localhost:11434/v1', true],
    ['off', 'https://api.openai.com/v1', false],
  ] as const)('%s for %s gives %s', (mode, url, expected) => {
    expect(shouldRedact(mode, url)).toBe(expected);
  });
});
