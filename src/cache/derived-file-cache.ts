import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from '../logging/logger.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';

/** Cache folders already reported as unwritable in this process, so the warning appears once. */
const unwritableFolders = new Set<string>();

interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
  hash: string;
}

/**
 * Cache of files derived from large inputs (the compact ATT&CK index, the mapper's search
 * index), stored as JSON under a folder and keyed by the input's content hash. Cache problems
 * never fail a command: an unreadable entry is rebuilt and an unwritable folder is logged.
 */
export class DerivedFileCache {
  readonly dir: string;
  private readonly logger: Logger;
  private stamps: Record<string, FileStamp> | undefined;

  constructor(dir: string, logger: Logger) {
    this.dir = dir;
    this.logger = logger;
  }

  /**
   * Returns the content hash recorded for a file whose size, modification time and inode are
   * unchanged since it was hashed, so a warm start need not read a 33 MB bundle. Like make and
   * git, this trusts that an edit changes the size or the modification time.
   */
  knownHash(path: string): string | undefined {
    const stamp = this.loadStamps()[resolve(path)];
    if (!stamp) return undefined;
    try {
      const stats = statSync(path);
      const same = stats.size === stamp.size && stats.mtimeMs === stamp.mtimeMs && stats.ino === stamp.ino;
      return same ? stamp.hash : undefined;
    } catch {
      return undefined;
    }
  }

  /** Records the content hash of a file for knownHash. */
  rememberHash(path: string, hash: string): void {
    try {
      const stats = statSync(path);
      const stamps = this.loadStamps();
      stamps[resolve(path)] = { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, hash };
      writeFileAtomic(this.stampsPath(), JSON.stringify(stamps));
    } catch (error) {
      this.logger.debug('could not record the hash of %s: %s', path, (error as Error).message);
    }
  }

  /** Reads a cache entry, or returns undefined when it is missing or unreadable. */
  read<T>(key: string): T | undefined {
    const path = this.entryPath(key);
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.logger.warn('ignoring unreadable cache entry %s: %s', path, (error as Error).message);
      }
      return undefined;
    }
  }

  /** Writes a cache entry atomically; failures are logged once per folder and otherwise ignored. */
  write(key: string, value: unknown): void {
    const path = this.entryPath(key);
    try {
      writeFileAtomic(path, JSON.stringify(value));
    } catch (error) {
      this.reportWriteFailure(path, error);
    }
  }

  private reportWriteFailure(path: string, error: unknown): void {
    const reason = (error as Error).message;
    if (unwritableFolders.has(this.dir)) {
      this.logger.debug('could not write cache entry %s: %s', path, reason);
      return;
    }
    unwritableFolders.add(this.dir);
    this.logger.warn('cannot write to the cache folder %s (%s); continuing without caching, so starts stay slow. Set IDS_EXPLAIN_CACHE_DIR to a writable folder', this.dir, reason);
  }


  private entryPath(key: string): string {
    return join(this.dir, `${key.replace(/[^\w.-]/g, '_')}.json`);
  }

  private stampsPath(): string {
    return join(this.dir, 'stamps.json');
  }

  private loadStamps(): Record<string, FileStamp> {
    if (!this.stamps) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(this.stampsPath(), 'utf8'));
        // A damaged file (null, an array, a number) counts as empty, so every bundle is hashed again.
        this.stamps = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, FileStamp>) : {};
      } catch {
        this.stamps = {};
      }
    }
    return this.stamps;
  }
}
