import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realAttackPath, repositoryRoot } from '../support/real-attack.js';

function runExplain(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [join(repositoryRoot, 'dist/cli/main.js'), 'explain', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, IDS_EXPLAIN_ATTACK: realAttackPath() },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ids-explain explain input formats', () => {
  it('rejects unrecognised input on one line', () => {
    const result = runExplain(['-'], 'nothing here looks like an alert\n');
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('stdin: the input matches no supported alert format');
    expect(result.stderr).toContain('Force one with --input-format');
  });

  it('rejects an input that does not fit the forced format', () => {
    const result = runExplain([join(repositoryRoot, 'fixtures/alerts/formats/wazuh.json'), '--input-format', 'snort-fast']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/the Snort alert line is malformed/);
  });

  it('explains an EVE alert inside syslog', () => {
    const result = runExplain([join(repositoryRoot, 'fixtures/alerts/formats/syslog-suricata-eve.txt'), '--format', 'json']);
    expect(result.status).toBe(0);
    const explanation = JSON.parse(result.stdout) as { interpretation: { summary: string } };
    expect(explanation.interpretation.summary).toContain('The security tool Suricata on sensor-7 flagged activity from 10.20.7.61 to upload.example.org (198.51.100.44)');
  });
});
