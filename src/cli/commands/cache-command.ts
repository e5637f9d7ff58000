import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ExplanationCache } from '../../batch/explanation-cache.js';
import { userCacheDir } from '../../config/user-dirs.js';
import { InputError } from '../../errors/input-error.js';
import type { CommandContext } from './explain-command.js';

/** Returns the explanation cache file: `--cache`, else explanations.sqlite in the user cache folder. */
export function explanationCachePath(option: string | undefined, context: CommandContext): string {
  return option ?? join(userCacheDir(context.environment as Record<string, string | undefined>), 'explanations.sqlite');
}

function openExisting(path: string, context: CommandContext): ExplanationCache | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return new ExplanationCache({ path, maxBytes: Number.MAX_SAFE_INTEGER, logger: context.logger });
  } catch (error) {
    throw new InputError(`cannot open the explanation cache ${path}: ${(error as Error).message}`, { hint: 'Check the --cache path', cause: error });
  }
}

/** Runs `ids-explain cache clear`: deletes every cached explanation and prints how many. */
export function runCacheClearCommand(options: { cache?: string }, context: CommandContext): void {
  const path = explanationCachePath(options.cache, context);
  const cache = openExisting(path, context);
  const removed = cache ? cache.clear() : 0;
  cache?.close();
  context.stdout.write(`removed ${removed} cached explanation${removed === 1 ? '' : 's'} from ${path}\n`);
}

/** Runs `ids-explain cache info`: prints the cache file, its entry count and size. */
export function runCacheInfoCommand(options: { cache?: string }, context: CommandContext): void {
  const path = explanationCachePath(options.cache, context);
  const cache = openExisting(path, context);
  const { entries, bytes } = cache ? cache.info() : { entries: 0, bytes: 0 };
  cache?.close();
  context.stdout.write(`${path}: ${entries} cached explanation${entries === 1 ? '' : 's'}, ${(bytes / 1024 / 1024).toFixed(1)} MB\n`);
}
