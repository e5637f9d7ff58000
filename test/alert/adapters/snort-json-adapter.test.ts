import { describe, expect, it } from 'vitest';
import { parseError, parseSample } from '../../support/parse-sample.js';

const record = {
  seconds: 1773469263,
  timestamp: '03/14-06:21:03.118804',
  pkt_num: 6,
  proto: 'TCP',
  pkt_gen: 'raw',
  pkt_len: 74,
  dir: 'C2S',
  src_ap: '10.3.3.3:51234',
  dst_ap: '192.0.2.10:80',
  rule: '1:2000419:3',
  action: 'allow',
  msg: 'ET POLICY PE EXE or DLL Windows file download',
  class: 'Potential Corporate Privacy Violation',
  priority: '1',
  service: 'http',
};

describe('snortJsonAdapter', () => {
  it('reads an alert_json record', () => {
    const alert = parseSample(JSON.stringify(record));
    expect(alert.format).toBe('snort-json');
    expect(alert.description).toBe('ET POLICY PE EXE or DLL Windows file download');
    expect(alert.ruleId).toBe('1:2000419:3');
    expect(alert.source).toEqual({ address: '10.3.3.3', port: 51234 });
    expect(alert.destination).toEqual({ address: '192.0.2.10', port: 80 });
    expect(alert.protocol).toBe('HTTP');
    expect(alert.severityLevel).toBe('high');
    expect(alert.category).toBe('Potential Corporate Privacy Violation');
  });

  it('takes the year from the seconds field', () => {
    const alert = parseSample(JSON.stringify(record));
    expect(alert.timestamp).toBe('2026-03-14T06:21:03Z');
    expect(alert.notes).toEqual([]);
  });

  it('says so when the default fields leave out msg', () => {
    const { msg: _msg, class: _class, ...defaults } = record;
    const alert = parseSample(JSON.stringify(defaults));
    expect(alert.description).toBe('Snort rule 1:2000419:3 matched (the record does not include the rule message)');
    expect(alert.notes[0]).toContain('add msg to the alert_json fields setting');
  });

  it('rejects a record with neither message nor rule', () => {
    const { msg: _msg, rule: _rule, ...bare } = record;
    const error = parseError(JSON.stringify({ ...bare, gid: 1 }), 'snort-json');
    expect(error.message).toBe('sample: the Snort alert_json record has neither "msg" nor a rule ID');
  });
});
