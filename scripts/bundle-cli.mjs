#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js, written by tsc) with its JavaScript
// dependencies and replaces dist/cli/main.js with the bundle, which loads its code from
// dist/cli/chunks/. Node's ESM loader resolves, reads and compiles each module on its own:
// `explain` imported about 240 modules (95 of them zod's), and loading them took about half
// of its warm start. Bundled, it loads 9 files.
//
// The LLM client code sits in a chunk of its own that only the LLM backends import, so the
// offline path still loads none of openai, @langchain/core and js-tiktoken. Code that reads
// files of the package must locate them with packageFile (src/util/package-file.ts), because
// import.meta.url names the chunk, not the original module. The rest of dist/ stays as tsc
// wrote it, for the scripts and benchmarks that import single modules.
// Usage: node scripts/bundle-cli.mjs (npm run build runs it after tsc)
import { rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distFolder = join(root, 'dist') + sep;
const cliFolder = join(root, 'dist/cli');

/**
 * Packages left outside the bundle: js-tiktoken, whose rank tables are megabytes of data
 * loaded only to count tokens, native code (better-sqlite3) and the Redis client.
 */
const external = [/^node:/, /^js-tiktoken(\/|$)/, /^better-sqlite3$/, /^redis(\/|$)/, /^@redis\//];

// The code that `explain` runs goes into one chunk instead of dozens of small shared ones.
// Other commands keep chunks of their own, loaded when they run. The LLM client packages go
// into one chunk too: unbundled, they were over 400 modules (openai, @langchain/core,
// langsmith), loaded before the first LLM request could go out.
const explainFolders = /^(alert|attack|cache|compose|config|errors|explain|explanation|facts|ground|injection|logging|mapping|render|runtime|util)[\\/]/;
const explainCore = {
  name: 'explain-core',
  priority: 2,
  test: (id) => (id.startsWith(distFolder) && explainFolders.test(id.slice(distFolder.length))) || /[\\/]node_modules[\\/](zod[\\/](?!v3[\\/])|dotenv[\\/])/.test(id),
};
const llmClients = {
  name: 'llm-clients',
  priority: 1,
  // Their own dependencies, such as langsmith and zod 3, join the chunk with them.
  test: /[\\/]node_modules[\\/](openai|@langchain)[\\/]/,
};

rmSync(join(cliFolder, 'chunks'), { recursive: true, force: true });
await build({
  // The batch job's parsing thread is an entry of its own, sharing the explain-core chunk.
  input: { main: join(cliFolder, 'main.js'), 'parse-thread': join(root, 'dist/batch/parse-thread.js') },
  platform: 'node',
  external,
  logLevel: 'warn',
  output: {
    dir: cliFolder,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    codeSplitting: { groups: [explainCore, llmClients] },
    sourcemap: true,
  },
});
