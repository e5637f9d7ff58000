import { InputError } from '../errors/input-error.js';

/** The Redis keys that one worker group uses. */
export interface StreamNames {
  /** Stream of incoming alerts. */
  stream: string;
  /** Consumer group that shares the stream's messages among workers. */
  group: string;
  /** Stream of results: one entry per finished message. */
  results: string;
  /** Stream of messages that failed on every allowed delivery. */
  deadLetter: string;
  /** Hash of the last error of each message that failed and awaits another delivery. */
  failures: string;
}

export interface StreamNameOptions {
  stream: string | undefined;
  group: string | undefined;
  results?: string;
  deadLetter?: string;
}

function required(option: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') {
    throw new InputError(`missing ${option}`, { hint: `Pass ${option} NAME` });
  }
  return value;
}

/**
 * Returns the keys of a worker group. The results default to "STREAM:results", the dead
 * letters to "STREAM:dead", and the failures hash is "STREAM:failures:GROUP". Derived names
 * start with the stream's name, so a hash tag in it ("{ids}:alerts") puts every key in the
 * same Redis Cluster slot. Throws InputError when a name is missing or two of the streams share a name.
 */
export function streamNames(options: StreamNameOptions): StreamNames {
  const stream = required('--stream', options.stream);
  const group = required('--group', options.group);
  const names: StreamNames = {
    stream,
    group,
    results: options.results ?? `${stream}:results`,
    deadLetter: options.deadLetter ?? `${stream}:dead`,
    failures: `${stream}:failures:${group}`,
  };
  const streams = [names.stream, names.results, names.deadLetter];
  if (new Set(streams).size !== streams.length) {
    throw new InputError(`--stream, --results and --dead-letter must name three different streams, not ${streams.join(', ')}`, {
      hint: 'Leave out --results and --dead-letter to use STREAM:results and STREAM:dead',
    });
  }
  return names;
}
