import { createHash } from 'node:crypto';
import { ErrorReply } from 'redis';
import type { RedisClient } from './connect-redis.js';

/** A Lua script with its SHA-1 digest, for EVALSHA. */
export interface LuaScript {
  name: string;
  source: string;
  sha: string;
}

/** Wraps Lua source with its digest. */
export function luaScript(name: string, source: string): LuaScript {
  return { name, source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * Runs a Lua script by its digest and sends the whole source only when the server does not
 * have it, such as after a restart emptied its script cache. Returns the script's reply and
 * rejects with what Redis or the connection raises.
 */
export async function runScript(client: RedisClient, script: LuaScript, keys: string[], args: string[]): Promise<unknown> {
  const rest = [String(keys.length), ...keys, ...args];
  try {
    return await client.sendCommand(['EVALSHA', script.sha, ...rest]);
  } catch (error) {
    if (!(error instanceof ErrorReply && error.message.startsWith('NOSCRIPT'))) throw error;
    return client.sendCommand(['EVAL', script.source, ...rest]);
  }
}
