import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useOpenAiCompatibleServer } from '../support/openai-compatible-server.js';
import { realAttackPath, repositoryRoot } from '../support/real-attack.js';

const run = promisify(execFile);
const heavyPackages = ['/node_modules/openai/', '/node_modules/@langchain/', '/node_modules/js-tiktoken/'];

/** Writes a module hook that prints every module URL the child process resolves. */
function writeResolveHook(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ids-explain-hook-'));
  writeFileSync(
    join(folder, 'hooks.mjs'),
    "import { writeSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  writeSync(2, `module-loaded ${result.url}\\n`);\n  return result;\n}\n",
  );
  writeFileSync(join(folder, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  return join(folder, 'register.mjs');
}

async function loadedModules(args: string[]): Promise<string[]> {
  const main = join(repositoryRoot, 'dist/cli/main.js');
  if (!existsSync(main)) throw new Error('dist/cli/main.js is missing; run "npm run build" first');
  const { stderr } = await run(process.execPath, ['--import', writeResolveHook(), main, 'explain', 'fixtures/alerts/atsvc-remote-task.txt', ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, IDS_EXPLAIN_ATTACK: realAttackPath(), IDS_EXPLAIN_MODEL: '', IDS_EXPLAIN_BACKEND: '' },
  });
  return stderr.split('\n').filter((line) => line.startsWith('module-loaded ')).map((line) => line.slice('module-loaded '.length));
}

const testServer = useOpenAiCompatibleServer();

describe('offline explain module graph', () => {
  it('loads neither openai nor LangChain', async () => {
    const modules = await loadedModules([]);

    // The bundled CLI keeps the composer and the rest of explain's code in one chunk.
    expect(modules.some((url) => url.includes('/dist/cli/chunks/explain-core-'))).toBe(true);
    expect(modules.filter((url) => heavyPackages.some((name) => url.includes(name)))).toEqual([]);
  });

  it('loads both for the openai backend', async () => {
    const modules = await loadedModules(['--backend', 'openai', '--model', 'test-model', '--base-url', testServer().baseUrl]);

    expect(modules.some((url) => url.includes('/node_modules/openai/'))).toBe(true);
    expect(modules.some((url) => url.includes('/node_modules/@langchain/core/'))).toBe(true);
  });
});
