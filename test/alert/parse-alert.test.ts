import { describe, expect, it } from 'vitest';
import { alertAdapters } from '../../src/alert/adapters/alert-adapters.js';
import { parseAlert } from '../../src/alert/parse-alert.js';
import { InputError } from '../../src/errors/input-error.js';
import { parseError, parseSample } from '../support/parse-sample.js';

const reference = {
  description: 'Detects remote task creation via at.exe or API interacting with ATSVC namedpipe',
  source: { address: '192.0.2.4' },
  destination: { address: '10.2.2.10' },
  protocol: 'RPC',
  timestamp: '2024-07-01T19:20:15Z',
  details: 'Remote task creation detected',
};

function errorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    return error as InputError;
  }
  throw new Error('expected an error');
}

describe('parseAlert key/value text', () => {
  it('reads one pair per line', () => {
    const text = [
      'Description: Detects remote task creation via at.exe or API interacting with ATSVC namedpipe',
      'Source IP: 192.0.2.4',
      'Destination IP: 10.2.2.10',
      'Protocol: RPC',
      'Timestamp: 2024-07-01T19:20:15Z',
      'Details: Remote task creation detected',
    ].join('\n');
    expect(parseAlert(text)).toMatchObject({ ...reference, format: 'key-value' });
  });

  it('reads semicolon-separated pairs', () => {
    const text =
      'Description: Detects remote task creation via at.exe or API interacting with ATSVC namedpipe; Source IP: 192.0.2.4; Destination IP: 10.2.2.10; Protocol: RPC; Timestamp: 2024-07-01T19:20:15Z; Additional Details: Remote task creation detected';
    expect(parseAlert(text)).toMatchObject(reference);
  });

  it('reads markdown bullets with bold keys', () => {
    const text = [
      '## Alert',
      '- **Description**: Detects remote task creation via at.exe or API interacting with ATSVC namedpipe',
      '- **Source IP**: 192.0.2.4',
      '- **Destination IP:** 10.2.2.10',
      '* **Protocol**: RPC',
      '- **Timestamp**: 2024-07-01T19:20:15Z',
      '- **Details**: Remote task creation detected',
    ].join('\n');
    expect(parseAlert(text)).toMatchObject(reference);
  });

  it('keeps semicolons inside a value', () => {
    const alert = parseAlert('Description: Task created; Details: ran cmd.exe /c "a.bat; b.bat"; later deleted');
    expect(alert.details).toBe('ran cmd.exe /c "a.bat; b.bat"; later deleted');
  });

  it('keeps unknown keys in the details', () => {
    const alert = parseAlert('Description: Odd event\nAnalyst Comment: seen twice');
    expect(alert.details).toBe('Analyst Comment: seen twice');
  });

  it('keeps every field in raw', () => {
    expect(parseAlert('Description: Odd event\nAnalyst Comment: seen twice').raw).toEqual({ Description: 'Odd event', 'Analyst Comment': 'seen twice' });
  });

  it('collects accounts and hosts from the text', () => {
    const alert = parseAlert('Description: Share access\nDetails: account CORP\\svc_patch on FS01.corp.example.com');
    expect(alert.users).toEqual(['CORP\\svc_patch']);
    expect(alert.hosts).toEqual(['FS01.corp.example.com']);
  });
});

describe('parseAlert generic JSON', () => {
  it('reads common field names', () => {
    const json = JSON.stringify({
      signature: reference.description,
      src_ip: '192.0.2.4',
      dest_ip: '10.2.2.10',
      proto: 'RPC',
      timestamp: '2024-07-01T19:20:15Z',
      details: 'Remote task creation detected',
    });
    expect(parseAlert(json)).toMatchObject({ ...reference, format: 'json' });
  });

  it('reads nested fields and string ports', () => {
    const json = JSON.stringify({ rule: { description: 'Port scan' }, source: { ip: '198.51.100.7', port: '4444' }, destination: { ip: '10.1.1.1', port: 22 } });
    expect(parseAlert(json)).toMatchObject({ source: { address: '198.51.100.7', port: 4444 }, destination: { address: '10.1.1.1', port: 22 } });
  });

  it('keeps each ATT&CK spelling as written', () => {
    const json = JSON.stringify({ title: 'Task', tags: ['attack.t1053.005', 'attack.persistence'], mitre: 'T1053/005' });
    const alert = parseAlert(json);
    expect(alert.attackIds).toEqual(['T1053/005', 'attack.t1053.005']);
    expect(alert.attackTactics).toEqual(['attack.persistence']);
  });

  it('reads a one-element array', () => {
    expect(parseAlert(JSON.stringify([{ message: 'Port scan' }])).description).toBe('Port scan');
  });
});

describe('parseAlert bad input', () => {
  it.each([
    ['empty text', '', /the input is empty/],
    ['white space', '  \n\t ', /the input is empty/],
    ['binary data', 'PK\u0003\u0004\u0000\u0000binary', /looks binary, not text \(NUL byte at offset 4\)/],
    ['invalid JSON', '{\n  "description": "x",\n  "src_ip": 10.1.1.1\n}', /invalid JSON at line 3, column 17/],
    ['JSON cut before its description', '{"src_ip": "192.0.2.1", "descr', /no description \(fields: src_ip\)/],
    ['JSON without description', '{"src_ip": "192.0.2.1"}', /no description \(fields: src_ip\)/],
    ['key/value without description', 'Source IP: 192.0.2.4\nDestination IP: 10.2.2.10', /no description \(found keys: Source IP, Destination IP\)/],
    ['free text', 'something odd happened', /matches no supported alert format/],
    ['a JSON array of alerts', '[{"message": "a"}, {"message": "b"}]', /contains 2 alerts/],
    ['a JSON string', '"just text"', /matches no supported alert format|expected a JSON object/],
  ])('rejects %s', (_name, text, message) => {
    const error = errorOf(() => parseAlert(text));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(message);
  });

  it('rejects a field of many megabytes', () => {
    const error = errorOf(() => parseAlert(JSON.stringify({ description: 'x', payload: 'A'.repeat(3 * 1024 * 1024) })));
    expect(error.message).toMatch(/field "details" is 3\.0 MB, more than the 1\.0 MB limit/);
  });

  it('cuts a long field with a note', () => {
    const alert = parseAlert(JSON.stringify({ description: 'x', payload: 'A'.repeat(40_000) }));
    expect(alert.notes[0]).toMatch(/only the first 16384 are used/);
  });

  it('gives a next step with every error', () => {
    expect(errorOf(() => parseAlert('')).userMessage).toMatch(/\. Pass an alert as/);
  });

  it('rejects an unknown input format', () => {
    expect(errorOf(() => parseAlert('Description: x', { format: 'cef' })).message).toMatch(/unknown --input-format "cef"/);
  });

  it('names the origin in errors', () => {
    expect(errorOf(() => parseAlert('', { origin: 'alerts/a.json' })).message).toMatch(/^alerts\/a\.json: /);
  });
});

describe('parseAlert formats and limits', () => {
  it('lists every format when nothing matches', () => {
    const error = parseError('just some words without structure');
    expect(error.message).toBe('sample: the input matches no supported alert format');
    for (const adapter of alertAdapters) expect(error.hint).toContain(adapter.name);
    expect(error.hint).toContain('--input-format');
  });

  it('reads a forced format the detector would not pick', () => {
    const eve = JSON.stringify({ event_type: 'alert', src_ip: '10.0.0.1', alert: { signature: 'ET TEST signature' } });
    expect(parseSample(eve, 'json').format).toBe('json');
  });

  it('names line and column of malformed JSON', () => {
    expect(parseError('{"description": "x",\n  "src_ip": 10.0.0.1}').message).toMatch(/^sample: invalid JSON at line 2, column \d+/);
  });

  it('points JSON Lines input to batch', () => {
    const line = JSON.stringify({ description: 'Port scan', src_ip: '10.0.0.1' });
    const error = parseError(`${line}\n${line}\n${line}`);
    expect(error.message).toBe('sample: the input has 3 lines of JSON records; "explain" reads one');
  });

  it('reads a cut generic JSON record with a note', () => {
    const text = '{"description": "Outbound connection to a sinkholed domain", "src_ip": "10.0.0.1", "dest_ip": "198.51.';
    const alert = parseSample(text);
    expect(alert.format).toBe('json');
    expect(alert.destination.address).toBeUndefined();
    expect(alert.truncated).toEqual({ receivedChars: text.length, openPath: '' });
  });

  it('preserves Unicode text exactly', () => {
    const description = 'Подозрительный вход: ユーザー 山田 ✓ — مستخدم';
    const alert = parseSample(JSON.stringify({ description, user: 'Zoë' }));
    expect(alert.description).toBe(description);
    expect(alert.source.user).toBe('Zoë');
  });

  it('cuts a huge description with a note', () => {
    const alert = parseSample(JSON.stringify({ description: `Payload ${'A'.repeat(20_000)}` }));
    expect(alert.description.length).toBeLessThan(17_000);
    expect(alert.notes).toContain('field "description" has 20008 characters; only the first 16384 are used in the explanation');
  });
});

describe('parseAlert on deeply nested JSON', () => {
  const depth = 10_000;

  it.each([
    ['valid', `{"description":"deep test alert","x":${'['.repeat(depth)}${']'.repeat(depth)}}`],
    ['cut', `{"description":"deep test alert","x":${'['.repeat(depth)}`],
    ['invalid', `{"description":"deep test alert","x":${'['.repeat(depth)}x]`],
    ['object', `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`],
  ])('rejects %s JSON nested 10,000 levels', (_name, text) => {
    expect(parseError(text).message).toMatch(/^sample: the JSON nests more than 100 levels deep/);
  });

  it('reads JSON nested 100 levels', () => {
    const nested = `${'['.repeat(98)}"x"${']'.repeat(98)}`;
    expect(parseSample(`{"description":"deep test alert","x":${nested}}`).description).toBe('deep test alert');
  });
});

describe('parseAlert size and type messages', () => {
  it('gives exact sizes just over a limit', () => {
    const text = JSON.stringify({ description: 'a'.repeat(1024 * 1024 + 10) });
    expect(parseError(text).message).toBe('sample: field "description" is 1,048,586 bytes, more than the 1,048,576-byte limit');
  });

  it('rounds sizes far over a limit', () => {
    const text = JSON.stringify({ description: 'x', payload: 'a'.repeat(3 * 1024 * 1024) });
    expect(parseError(text).message).toMatch(/^sample: field "details" is 3\.0 MB, more than the 1\.0 MB limit$/);
  });

  it('names an array inside an array', () => {
    expect(parseError('[[{"description": "x"}]]').message).toBe("sample: expected a JSON object with the alert's fields, got an array");
  });
});

describe('parseAlert on a description without words', () => {
  it.each([
    ['a number in JSON', '{"description": 12345, "src_ip": "192.0.2.1"}', 'sample: field "description" has no words ("12345"), so the alert has no description'],
    ['punctuation in key/value text', 'Description: -_-.\nSource IP: 192.0.2.1', 'sample: field "Description" has no words ("-_-."), so the alert has no description'],
  ])('names the field for %s', (_name, text, message) => {
    expect(parseError(text).message).toBe(message);
  });
});

describe('parseAlert cut JSON records', () => {
  const cutRecord = '{"src_ip":"10.0.0.1","dest_ip":"10.0.0.2","message":"Failed login for adm';

  it('reports a cut record as invalid JSON', () => {
    const error = errorOf(() => parseAlert(cutRecord, { origin: 'queue.jsonl:7' }));
    expect(error.message).toBe(
      'queue.jsonl:7: invalid JSON at line 1, column 74: the text ends before the JSON is complete; before the cut, the alert has no description (fields: src_ip, dest_ip)',
    );
  });

  it('says how to get the whole record', () => {
    const error = errorOf(() => parseAlert(cutRecord, { origin: 'queue.jsonl:7' }));
    expect(error.hint).toBe("Read the complete record from the sensor's log, or drop the cut record. Records end early when their writer stops mid-write or a relay limits message size");
  });

  it('keeps reading a cut record with a description', () => {
    const alert = parseAlert('{"description":"Failed login for admin","src_ip":"10.0.0.1","dest_ip":"10.0', { origin: 'queue.jsonl:8' });
    expect(alert.notes?.[0]).toMatch(/^the record is cut short/);
  });

  it('reports a cut EVE record as invalid JSON', () => {
    const error = errorOf(() => parseAlert('{"event_type":"alert","src_ip":"10.0.0.1","alert":{"signature_id":2000', { origin: 'eve.json:3' }));
    expect(error.message).toMatch(/^eve\.json:3: invalid JSON at line 1, column \d+: the text ends before the JSON is complete; the Suricata EVE record is cut short/);
  });
});
