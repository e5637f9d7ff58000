import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useOpenAiCompatibleServer } from '../support/openai-compatible-server.js';
import { realAttackPath, repositoryRoot } from '../support/real-attack.js';

const run = promisify(execFile);
const heavyPackages = ['openai', '@langchain/core', 'js-tiktoken'];

/**
 * Returns the packages whose code a loaded module holds: its own package when it was loaded
 * from node_modules, or the packages that the bundler marked in it ("// node_modules/openai/...").
 */
function packagesIn(url: string): string[] {
  const own = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (own) return [own[1]!];
  if (!url.startsWith('file:')) return [];
  // The mark is relative to the project, so a node_modules folder linked from elsewhere
  // shows up as "// ../other/node_modules/openai/...".
  const marks = readFileSync(fileURLToPath(url), 'utf8').matchAll(/^\/\/ (?:\S*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//gm);
  return [...new Set([...marks].map((mark) => mark[1]!))];
}

function loadedPackages(modules: string[]): Set<string> {
  return new Set(modules.flatMap(packagesIn));
}

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
    expect(loadedPackages(modules).has('zod')).toBe(true);
    expect(heavyPackages.filter((name) => loadedPackages(modules).has(name))).toEqual([]);
  });

  it('loads both for the openai backend', async () => {
    const modules = await loadedModules(['--backend', 'openai', '--model', 'test-model', '--base-url', testServer().baseUrl]);

    expect(loadedPackages(modules).has('openai')).toBe(true);
    expect(loadedPackages(modules).has('@langchain/core')).toBe(true);
  });
});
