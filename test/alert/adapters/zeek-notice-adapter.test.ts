import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseError, parseSample } from '../../support/parse-sample.js';
import { repositoryRoot } from '../../support/real-attack.js';

const header = [
  '#separator \\x09',
  '#set_separator\t,',
  '#empty_field\t(empty)',
  '#unset_field\t-',
  '#path\tnotice',
  '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tnote\tmsg\tsub\tsrc\tdst\tp\tn\tpeer_descr\tactions',
  '#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tenum\tstring\tstring\taddr\taddr\tport\tcount\tstring\tset[enum]',
].join('\n');
const scanRecord = '1773460021.000000\tCk1\t203.0.113.66\t40000\t10.7.0.8\t22\ttcp\tScan::Port_Scan\t203.0.113.66 scanned at least 15 unique ports of host 10.7.0.8 in 0m2s\tlocal\t203.0.113.66\t10.7.0.8\t-\t15\tworker-2\tNotice::ACTION_LOG,Notice::ACTION_EMAIL';

describe('zeekNoticeAdapter', () => {
  it('reads a tab-separated notice with its header', () => {
    const alert = parseSample(`${header}\n${scanRecord}\n#close\t2026-03-14-04-00-00`);
    expect(alert.format).toBe('zeek-notice');
    expect(alert.ruleName).toBe('Scan::Port_Scan');
    expect(alert.description).toBe('203.0.113.66 scanned at least 15 unique ports of host 10.7.0.8 in 0m2s');
    expect(alert.source).toEqual({ address: '203.0.113.66', port: 40000 });
    expect(alert.destination).toEqual({ address: '10.7.0.8', port: 22 });
    expect(alert.protocol).toBe('TCP');
    expect(alert.eventCount).toBe(15);
    expect(alert.sensorHost).toBe('worker-2');
    expect(alert.raw.actions).toEqual(['Notice::ACTION_LOG', 'Notice::ACTION_EMAIL']);
    expect(alert.raw.p).toBeNull();
  });

  it('converts epoch seconds to UTC', () => {
    const alert = parseSample(readFileSync(join(repositoryRoot, 'fixtures/alerts/cases/06-zeek-notice-ssh-guessing.log'), 'utf8'));
    expect(alert.timestamp).toBe('2026-03-14T03:47:01.482Z');
    expect(alert.timestampOriginal).toBe('1773460021.482913');
  });

  it('takes distinct targets from the sub field', () => {
    const alert = parseSample(readFileSync(join(repositoryRoot, 'fixtures/alerts/cases/06-zeek-notice-ssh-guessing.log'), 'utf8'));
    expect(alert.targets).toEqual(['10.60.2.5', '10.60.2.9']);
    expect(alert.destination).toEqual({});
    expect(alert.protocol).toBe('SSH');
  });

  it('decodes escaped UTF-8 bytes in values', () => {
    const record = scanRecord.replace('in 0m2s', 'in 0m2s \\xc3\\xa9t\\xc3\\xa9');
    expect(parseSample(`${header}\n${record}`).description).toContain('in 0m2s été');
  });

  it('reads a JSON notice', () => {
    const json = { ts: '2026-03-14T03:47:01.482913Z', note: 'SSH::Password_Guessing', msg: '192.0.2.50 looks like it is guessing SSH passwords (12 connections observed).', sub: 'Sample of targeted servers: 10.8.0.1', src: '192.0.2.50', n: 12 };
    const alert = parseSample(JSON.stringify(json));
    expect(alert.format).toBe('zeek-notice');
    expect(alert.destination).toEqual({ address: '10.8.0.1' });
    expect(alert.eventCount).toBe(12);
  });

  it('rejects a record with a missing column', () => {
    const short = scanRecord.split('\t').slice(0, -1).join('\t');
    expect(parseError(`${header}\n${short}`).message).toBe('sample: line 8 has 15 values but the "#fields" header names 16');
  });

  it('rejects a log of another kind', () => {
    expect(parseError(`${header.replace('#path\tnotice', '#path\tconn')}\n${scanRecord}`).message).toBe('sample: the Zeek log is conn.log, not notice.log');
  });

  it('rejects several notices', () => {
    expect(parseError(`${header}\n${scanRecord}\n${scanRecord}`).message).toBe('sample: the Zeek log contains 2 notices; "explain" reads one');
  });
});
