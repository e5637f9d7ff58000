import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { realAttackPath, repositoryRoot } from '../support/real-attack.js';

const run = promisify(execFile);
const main = join(repositoryRoot, 'dist', 'cli', 'main.js');

function alertFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ids-explain-alert-')), 'alert.txt');
  writeFileSync(path, 'Description: frobnicator launched on file server FS01\n');
  return path;
}

function sigmaFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ids-explain-sigma-'));
  writeFileSync(
    join(folder, 'frobnicator.yml'),
    'title: Frobnicator Launch\nid: 7d1c2a3e-0000-4000-8000-000000000001\ndescription: Frobnicator encryption tool started\nlogsource:\n  product: windows\ntags:\n  - attack.t1486\n',
  );
  return folder;
}

async function explain(args: string[], environment: Record<string, string> = {}) {
  return run(process.execPath, [main, 'explain', alertFile(), '--attack', realAttackPath(), '--format', 'json', ...args], {
    env: { ...process.env, ...environment },
  });
}

describe('ids-explain explain with examples', () => {
  it('learns a technique from a Sigma folder', async () => {
    const { stdout } = await explain(['--examples', sigmaFolder()]);
    const explanation = JSON.parse(stdout);
    expect(explanation.techniques.map((technique: { id: string }) => technique.id)).toContain('T1486');
  });

  it('reads the examples path from IDS_EXPLAIN_EXAMPLES', async () => {
    const { stdout } = await explain([], { IDS_EXPLAIN_EXAMPLES: sigmaFolder() });
    const explanation = JSON.parse(stdout);
    expect(explanation.techniques.map((technique: { id: string }) => technique.id)).toContain('T1486');
  });

  it('rejects a missing examples path with code 2', async () => {
    const failure = await explain(['--examples', '/nonexistent/examples']).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toEqual(expect.objectContaining({ code: 2, stderr: expect.stringMatching(/^ids-explain: examples not found: \/nonexistent\/examples\. /) }));
  });
});
