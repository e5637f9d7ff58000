import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExplanationTemplate } from '../batch/explanation-template.js';
import type { ClaimedDraft, ObtainedTemplate, SharedTemplateCache } from '../batch/shared-template-cache.js';
import type { Logger } from '../logging/logger.js';
import type { RedisClient } from './connect-redis.js';
import { luaScript, runScript } from './run-script.js';

export interface RedisTemplateCacheOptions {
  client: RedisClient;
  /** Prefix of every key: templates are PREFIX + cache key, locks PREFIX + "lock:" + cache key. */
  prefix: string;
  /** Lifetime of a template in seconds; each use starts it again. */
  ttlSeconds: number;
  /** Lifetime of a drafting lock in milliseconds; the holder renews it every quarter of it. */
  lockMs?: number;
  logger: Logger;
}

const renewScript = luaScript(
  'renew-lock',
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0",
);
const unlockScript = luaScript('unlock', "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0");

/** Maximum pause between two reads of a template that another process is drafting. */
const maxPollMs = 200;

/**
 * Creates an explanation cache in Redis that every worker shares, so that each template is
 * drafted once across the fleet. A process that misses takes a lock key (SET NX PX) once its
 * draft holds a backend slot, right before the backend call. Processes that find the lock poll
 * for the template outside their backend slots instead of drafting it too. The holder renews
 * the lock while it drafts. A holder that dies leaves a lock that expires after `lockMs` (20 s
 * by default), and then another process drafts. Templates expire `ttlSeconds` after their last
 * use, so with `maxmemory-policy volatile-lru` Redis evicts only them and never the streams.
 * When a cache call fails, the process drafts on its own.
 */
export function createRedisTemplateCache(options: RedisTemplateCacheOptions): SharedTemplateCache {
  const { client, prefix, ttlSeconds, logger } = options;
  const lockMs = options.lockMs ?? 20_000;
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

  const renewLock = (lockKey: string, token: string): void => {
    runScript(client, renewScript, [lockKey], [token, String(lockMs)]).catch((error: unknown) => logger.debug('renewing %s failed: %s', lockKey, (error as Error).message));
  };

  /**
   * Runs a draft whose claim takes the key's lock from inside the backend slot. Returns the
   * drafted template, a template that another process stored meanwhile, or undefined when
   * another process holds the lock.
   */
  async function draftClaimed(key: string, draft: ClaimedDraft): Promise<ObtainedTemplate | undefined> {
    const lockKey = `${prefix}lock:${key}`;
    const token = randomUUID();
    let found: ExplanationTemplate | undefined;
    let held = false;
    let renew: NodeJS.Timeout | undefined;
    const claim = async (): Promise<boolean> => {
      // Another process may have stored the template while this draft waited for its slot.
      const stored = await read(key).catch(unreachable);
      if (stored) found = stored;
      if (stored !== null) return stored === undefined;
      const locked = await client.set(lockKey, token, { condition: 'NX', expiration: { type: 'PX', value: lockMs } }).catch(unreachable);
      // Without Redis there is no lock to take, so the process drafts on its own.
      if (locked !== 'OK') return locked === undefined;
      held = true;
      renew = setInterval(() => renewLock(lockKey, token), lockMs / 4);
      // A holder stores its template before it unlocks, so a template stored between the read
      // above and this lock is visible now.
      const storedMeanwhile = await read(key).catch(unreachable);
      if (storedMeanwhile) found = storedMeanwhile;
      return !storedMeanwhile;
    };
    try {
      const template = await draft(claim);
      if (found) return { template: found, drafted: false };
      if (!template) return undefined;
      await client.set(`${prefix}${key}`, JSON.stringify(template), { expiration: { type: 'EX', value: ttlSeconds } }).catch(unreachable);
      return { template, drafted: true };
    } finally {
      clearInterval(renew);
      if (held) await runScript(client, unlockScript, [lockKey], [token]).catch(unreachable);
    }
  }

  async function draftWithoutCache(key: string, draft: ClaimedDraft): Promise<ObtainedTemplate> {
    logger.debug('drafting explanation %s without the Redis cache', key);
    const template = await draft(async () => true);
    if (!template) throw new Error('Internal error: a draft returned no template although its claim succeeded');
    return { template, drafted: true };
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
      for (let waited = false; ; waited = true) {
        // A template, null for a miss, or undefined when Redis is unreachable.
        const stored = await read(key).catch(unreachable);
        if (stored) return { template: stored, drafted: false };
        if (stored === undefined) return draftWithoutCache(key, draft);
        const obtained = await draftClaimed(key, draft);
        if (obtained) {
          if (waited && obtained.drafted) logger.debug('drafted explanation %s after the lock of another process ended without a template', key);
          return obtained;
        }
        const template = await waitForOther(key).catch(unreachable);
        if (template) return { template, drafted: false };
      }
    },
  };
}
