import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realAttackPath } from '../support/real-attack.js';
import { runCli } from '../support/run-cli.js';

describe('ids-explain eval mapping input', () => {
  it('rejects an empty set file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ids-explain-eval-')), 'empty.jsonl');
    writeFileSync(path, '\n');
    const result = await runCli(['eval', 'mapping', '--set', path, '--min-hierarchical-f1', '0.5'], { env: { IDS_EXPLAIN_ATTACK: realAttackPath() } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`ids-explain: ${path} has no labelled rules. Pass --set FILE.jsonl with one labelled rule per line\n`);
  });
});
