#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js, written by tsc) with its pure JavaScript
// dependencies and replaces dist/cli/main.js with the bundle, which loads its code from
// dist/cli/chunks/. Node's ESM loader resolves, reads and compiles each module on its own:
// `explain` imported about 240 modules (95 of them zod's), and loading them took about half
// of its warm start. Bundled, it loads 9.
//
// The LLM packages stay outside the bundle and load only when an LLM backend runs, as before,
// and so do better-sqlite3 (native code) and redis. Code that reads files of the package must
// locate them with packageFile (src/util/package-file.ts), because import.meta.url names the
// chunk, not the original module. The rest of dist/ stays as tsc wrote it, for the scripts
// and benchmarks that import single modules.
// Usage: node scripts/bundle-cli.mjs (npm run build runs it after tsc)
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cliFolder = join(root, 'dist/cli');

/** Packages left outside the bundle: the LLM clients, native code and the Redis client. */
const external = [/^node:/, /^openai(\/|$)/, /^@langchain\//, /^js-tiktoken(\/|$)/, /^better-sqlite3$/, /^redis(\/|$)/, /^@redis\//];

// The code that `explain` runs goes into one chunk instead of dozens of small shared ones.
// The other commands and the LLM code keep chunks of their own, loaded when they run.
const explainCore = {
  name: 'explain-core',
  test: /[\\/]dist[\\/](alert|attack|cache|compose|config|errors|explain|explanation|facts|ground|injection|logging|mapping|render|runtime|util)[\\/]|[\\/]node_modules[\\/](zod|dotenv)[\\/]/,
};

rmSync(join(cliFolder, 'chunks'), { recursive: true, force: true });
await build({
  input: join(cliFolder, 'main.js'),
  platform: 'node',
  external,
  logLevel: 'warn',
  output: {
    dir: cliFolder,
    format: 'esm',
    entryFileNames: 'main.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    codeSplitting: { groups: [explainCore] },
    sourcemap: true,
  },
});
