import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSample } from '../support/parse-sample.js';
import { repositoryRoot } from '../support/real-attack.js';

/** Each sample file in fixtures/alerts/formats with the format its alert must report. */
const samples: [file: string, format: string][] = [
  ['suricata-eve.json', 'suricata-eve'],
  ['snort-fast.txt', 'snort-fast'],
  ['snort-json.json', 'snort-json'],
  ['zeek-notice.tsv', 'zeek-notice'],
  ['zeek-notice.json', 'zeek-notice'],
  ['wazuh.json', 'wazuh'],
  ['ecs.json', 'ecs'],
  ['hayabusa.csv', 'hayabusa'],
  ['hayabusa.json', 'hayabusa'],
  ['chainsaw.json', 'chainsaw'],
  ['windows-event.json', 'windows-event'],
  ['syslog-suricata-eve.txt', 'suricata-eve'],
  ['syslog-rfc5424-wazuh.txt', 'wazuh'],
  ['key-value.txt', 'key-value'],
  ['json.json', 'json'],
];

describe('format detection', () => {
  it.each(samples)('detects %s as %s', (file, format) => {
    const text = readFileSync(join(repositoryRoot, 'fixtures/alerts/formats', file), 'utf8');
    expect(parseSample(text).format).toBe(format);
  });

  it.each(samples)('gives %s a UTC timestamp', (file) => {
    const text = readFileSync(join(repositoryRoot, 'fixtures/alerts/formats', file), 'utf8');
    expect(parseSample(text).timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/);
  });
});
