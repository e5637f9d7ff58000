import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExplanationTemplate } from '../batch/explanation-template.js';
import type { ObtainedTemplate, SharedTemplateCache } from '../batch/shared-template-cache.js';
import type { Logger } from '../logging/logger.js';
import type { RedisClient } from './connect-redis.js';
import { luaScript, runScript } from './run-script.js';

export interface RedisTemplateCacheOptions {
  client: RedisClient;
  /** Prefix of every key: templates are PREFIX + cache key, locks PREFIX + "lock:" + cache key. */
  prefix: string;
  /** Lifetime of a template in seconds; each use starts it again. */
  ttlSeconds: number;
  /** Lifetime of a drafting lock in milliseconds; the holder renews it every third of it. */
  lockMs?: number;
  logger: Logger;
}

const renewScript = luaScript(
  'renew-lock',
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0",
);
const unlockScript = luaScript('unlock', "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0");

/** Longest pause between two looks at a template that another process is drafting. */
const maxPollMs = 200;

/**
 * Creates an explanation cache in Redis that every worker shares, so that each template is
 * drafted once across the fleet. A process that misses takes a short lock key (SET NX PX)
 * before it drafts. The others see the lock and poll for the template instead of drafting it
 * too. The holder renews the lock while it drafts. A holder that dies leaves a lock that
 * expires after `lockMs`, and then another process drafts. Templates expire `ttlSeconds`
 * after their last use, so with `maxmemory-policy volatile-lru` Redis evicts only them and
 * never the streams. When Redis cannot be reached, the process drafts on its own.
 */
export function createRedisTemplateCache(options: RedisTemplateCacheOptions): SharedTemplateCache {
  const { client, prefix, ttlSeconds, logger } = options;
  const lockMs = options.lockMs ?? 10_000;
  let unreachableLogged = false;

  const unreachable = (error: unknown): undefined => {
    if (!unreachableLogged) logger.warn('the Redis explanation cache is unreachable (%s); drafting without it until it responds', (error as Error).message);
    unreachableLogged = true;
    return undefined;
  };

  /** Returns the stored template, or null for a miss; callers turn errors into undefined. */
  const read = async (key: string): Promise<ExplanationTemplate | null> => {
    const value = await client.getEx(`${prefix}${key}`, { type: 'EX', value: ttlSeconds });
    unreachableLogged = false;
    return value === null ? null : (JSON.parse(value) as ExplanationTemplate);
  };

  async function draftHoldingLock(key: string, token: string, draft: () => Promise<ExplanationTemplate>): Promise<ObtainedTemplate> {
    const lockKey = `${prefix}lock:${key}`;
    const renew = setInterval(() => {
      runScript(client, renewScript, [lockKey], [token, String(lockMs)]).catch((error: unknown) => logger.debug('renewing %s failed: %s', lockKey, (error as Error).message));
    }, lockMs / 3);
    try {
      // Another process may have stored the template between our read and our lock.
      const stored = await read(key).catch(unreachable);
      if (stored) return { template: stored, drafted: false };
      const template = await draft();
      await client.set(`${prefix}${key}`, JSON.stringify(template), { expiration: { type: 'EX', value: ttlSeconds } }).catch(unreachable);
      return { template, drafted: true };
    } finally {
      clearInterval(renew);
      await runScript(client, unlockScript, [lockKey], [token]).catch(unreachable);
    }
  }

  /** Waits while another process holds the lock; returns its template, or undefined once the lock is gone. */
  async function waitForOther(key: string): Promise<ExplanationTemplate | undefined> {
    for (let pause = 10; ; pause = Math.min(pause * 2, maxPollMs)) {
      await sleep(pause);
      const stored = await read(key);
      if (stored) return stored;
      if ((await client.exists(`${prefix}lock:${key}`)) === 0) return undefined;
    }
  }

  return {
    async obtain(key, _labels, draft) {
      for (;;) {
        // A template, null for a miss, or undefined when Redis is unreachable.
        const stored = await read(key).catch(unreachable);
        if (stored) return { template: stored, drafted: false };
        const token = randomUUID();
        const locked = stored === undefined ? undefined : await client.set(`${prefix}lock:${key}`, token, { condition: 'NX', expiration: { type: 'PX', value: lockMs } }).catch(unreachable);
        if (locked === undefined) return { template: await draft(), drafted: true };
        if (locked === 'OK') return draftHoldingLock(key, token, draft);
        const template = await waitForOther(key).catch(unreachable);
        if (template) return { template, drafted: false };
      }
    },
  };
}
