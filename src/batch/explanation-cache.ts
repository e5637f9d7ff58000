import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Logger } from '../logging/logger.js';
import type { ExplanationTemplate } from './explanation-template.js';

/** Schema version stored in SQLite's user_version; a cache with another version is emptied. */
const schemaVersion = 1;

export interface ExplanationCacheOptions {
  /** SQLite file; "" makes a temporary database in the system temp folder, deleted on close. */
  path: string;
  /** Size cap in bytes of the stored explanations; least recently used entries go first. */
  maxBytes: number;
  logger: Logger;
  /** Entries used at or after this time (ms since the epoch) are never evicted. */
  protectSince?: number;
  now?: () => number;
}

/** Labels stored beside an entry (its fingerprint, backend, model and release), for debugging. */
export interface CacheEntryLabels {
  fingerprint: string;
  backend: string;
  model?: string;
  promptVersion?: string;
  attackRelease: string;
}

const createStatements = [
  `CREATE TABLE IF NOT EXISTS explanations (
     key TEXT PRIMARY KEY,
     fingerprint TEXT NOT NULL,
     backend TEXT NOT NULL,
     model TEXT,
     prompt_version TEXT,
     attack_release TEXT NOT NULL,
     value TEXT NOT NULL,
     size INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     last_used INTEGER NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS explanations_last_used ON explanations (last_used)',
  'CREATE TABLE IF NOT EXISTS totals (name TEXT PRIMARY KEY, value INTEGER NOT NULL)',
  "INSERT OR IGNORE INTO totals (name, value) VALUES ('bytes', 0)",
  `CREATE TRIGGER IF NOT EXISTS explanations_added AFTER INSERT ON explanations BEGIN
     UPDATE totals SET value = value + NEW.size WHERE name = 'bytes'; END`,
  `CREATE TRIGGER IF NOT EXISTS explanations_removed AFTER DELETE ON explanations BEGIN
     UPDATE totals SET value = value - OLD.size WHERE name = 'bytes'; END`,
  `CREATE TRIGGER IF NOT EXISTS explanations_resized AFTER UPDATE OF size ON explanations BEGIN
     UPDATE totals SET value = value - OLD.size + NEW.size WHERE name = 'bytes'; END`,
];

/**
 * Explanation templates kept across runs in SQLite, keyed by a hash of the template key,
 * backend, model, prompt version and ATT&CK release (see explanationCacheKey). Several
 * processes may share one file: it uses WAL journaling and waits up to 10 s for a lock. The
 * size cap evicts the least recently used entries, but never one used since `protectSince`,
 * so a running job keeps what it needs and the cap is met again when the job closes.
 */
export class ExplanationCache {
  readonly path: string;
  private readonly database: Database.Database;
  /** Folder of a temporary database, removed on close. */
  private readonly temporaryFolder: string | undefined;
  private readonly maxBytes: number;
  private readonly protectSince: number;
  private readonly now: () => number;
  private readonly statements;

  constructor(options: ExplanationCacheOptions) {
    this.path = options.path;
    this.maxBytes = options.maxBytes;
    this.now = options.now ?? Date.now;
    this.protectSince = options.protectSince ?? this.now();
    // A file of our own rather than SQLite's anonymous temporary database: that one keeps a
    // rollback journal, and a batch job's puts ran several times slower and used more memory.
    this.temporaryFolder = options.path === '' ? mkdtempSync(join(tmpdir(), 'ids-explain-cache-')) : undefined;
    const file = this.temporaryFolder ? join(this.temporaryFolder, 'explanations.sqlite') : options.path;
    mkdirSync(dirname(file), { recursive: true });
    this.database = new Database(file, { timeout: 10_000 });
    this.database.pragma('journal_mode = WAL');
    this.database.pragma(this.temporaryFolder ? 'synchronous = OFF' : 'synchronous = NORMAL');
    this.migrate(options.logger);
    this.statements = {
      get: this.database.prepare<[string], { value: string }>('SELECT value FROM explanations WHERE key = ?'),
      touch: this.database.prepare<[number, string]>('UPDATE explanations SET last_used = ? WHERE key = ?'),
      put: this.database.prepare(
        `INSERT INTO explanations (key, fingerprint, backend, model, prompt_version, attack_release, value, size, created_at, last_used)
         VALUES (@key, @fingerprint, @backend, @model, @promptVersion, @attackRelease, @value, @size, @now, @now)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, size = excluded.size, last_used = excluded.last_used`,
      ),
      bytes: this.database.prepare<[], { value: number }>("SELECT value FROM totals WHERE name = 'bytes'"),
      count: this.database.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM explanations'),
      oldest: this.database.prepare<[number], { key: string; size: number }>(
        'SELECT key, size FROM explanations WHERE last_used < ? ORDER BY last_used, rowid',
      ),
      remove: this.database.prepare<[string]>('DELETE FROM explanations WHERE key = ?'),
    };
  }

  /** Returns the stored template and marks it used, or undefined when the key is not stored. */
  get(key: string): ExplanationTemplate | undefined {
    const row = this.statements.get.get(key);
    if (!row) return undefined;
    this.statements.touch.run(this.now(), key);
    return JSON.parse(row.value) as ExplanationTemplate;
  }

  /** Stores a template under a key, replacing an older one, then enforces the size cap. */
  put(key: string, template: ExplanationTemplate, labels: CacheEntryLabels): void {
    const value = JSON.stringify(template);
    this.statements.put.run({
      key,
      fingerprint: labels.fingerprint,
      backend: labels.backend,
      model: labels.model ?? null,
      promptVersion: labels.promptVersion ?? null,
      attackRelease: labels.attackRelease,
      value,
      size: Buffer.byteLength(value),
      now: this.now(),
    });
    this.evict(this.protectSince);
  }

  /** Returns the number of entries and their total size in bytes. */
  info(): { entries: number; bytes: number } {
    return { entries: this.statements.count.get()!.count, bytes: this.statements.bytes.get()!.value };
  }

  /** Deletes every entry and returns how many there were. */
  clear(): number {
    const { entries } = this.info();
    this.database.exec('DELETE FROM explanations');
    this.database.exec('VACUUM');
    return entries;
  }

  /** Enforces the size cap on every entry, then closes the database. */
  close(): void {
    this.evict(Number.POSITIVE_INFINITY);
    this.database.close();
    if (this.temporaryFolder) rmSync(this.temporaryFolder, { recursive: true, force: true });
  }

  private evict(before: number): void {
    let excess = this.statements.bytes.get()!.value - this.maxBytes;
    if (excess <= 0) return;
    const keys: string[] = [];
    for (const row of this.statements.oldest.iterate(Math.min(before, Number.MAX_SAFE_INTEGER))) {
      keys.push(row.key);
      excess -= row.size;
      if (excess <= 0) break;
    }
    this.database.transaction(() => {
      for (const key of keys) this.statements.remove.run(key);
    })();
  }

  private migrate(logger: Logger): void {
    const version = this.database.pragma('user_version', { simple: true }) as number;
    if (version !== 0 && version !== schemaVersion) {
      logger.info('explanation cache %s has schema version %d; emptying it for version %d', this.path, version, schemaVersion);
      this.database.exec('DROP TABLE IF EXISTS explanations; DROP TABLE IF EXISTS totals');
    }
    this.database.transaction(() => {
      for (const statement of createStatements) this.database.exec(statement);
    })();
    this.database.pragma(`user_version = ${schemaVersion}`);
  }
}
