import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { attackDataHome, AttackDataError } from '../errors/attack-data-error.js';
import { describeJsonError } from '../util/json-error-position.js';
import type { StixBundle } from './stix-types.js';

/** Computes the SHA-256 hex digest that keys the index cache. */
export function hashBundle(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Checks that parsed JSON is a complete ATT&CK STIX bundle: a `bundle` object with an
 * `objects` array of typed objects that includes techniques and tactics. Throws
 * AttackDataError naming the file.
 */
export function assertAttackBundle(value: unknown, path: string): asserts value is StixBundle {
  const hint = `Point --attack or IDS_EXPLAIN_ATTACK at an ATT&CK STIX bundle from ${attackDataHome}, or run "ids-explain attack download"`;
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'bundle') {
    throw new AttackDataError(`${path} is not a STIX bundle (no "type": "bundle" at the top)`, { hint });
  }
  const objects = (value as { objects?: unknown }).objects;
  if (!Array.isArray(objects)) {
    throw new AttackDataError(`${path} is not a STIX bundle (no "objects" array)`, { hint });
  }
  const malformed = objects.findIndex((object) => typeof object !== 'object' || object === null || typeof (object as { type?: unknown }).type !== 'string');
  if (malformed !== -1) {
    throw new AttackDataError(`${path} is not a valid STIX bundle: objects[${malformed}] is not an object with a "type"`, { hint });
  }
  const types = new Set(objects.map((object) => (object as { type: string }).type));
  const missing = ['attack-pattern', 'x-mitre-tactic'].filter((type) => !types.has(type));
  if (missing.length > 0) {
    throw new AttackDataError(
      `${path} is a STIX bundle without ATT&CK content (no ${missing.join(' or ')} objects)`,
      { hint },
    );
  }
}

/** Parses bundle bytes and checks them with assertAttackBundle. */
export function parseStixBundle(content: Buffer, path: string): StixBundle {
  const text = content.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const { where, reason } = describeJsonError(text, error);
    throw new AttackDataError(`${path} is not valid JSON${where}: ${reason}`, {
      hint: `Download the bundle again with "ids-explain attack download" or from ${attackDataHome}`,
      cause: error,
    });
  }
  assertAttackBundle(parsed, path);
  return parsed;
}

/** Reads a bundle file, returning its parsed content and content hash. */
export function readStixBundle(path: string): { bundle: StixBundle; hash: string } {
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch (error) {
    throw new AttackDataError(`cannot read ATT&CK bundle ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { bundle: parseStixBundle(content, path), hash: hashBundle(content) };
}
