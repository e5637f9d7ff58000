import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/batch/detect-layout.js';

describe('detectLayout', () => {
  const cases: [string, string, string, boolean, string][] = [
    ['JSON array', '  [{"a":1}]', 'alerts.json', false, 'array'],
    ['JSON Lines by name', '{"a":1}', 'alerts.jsonl', false, 'lines'],
    ['JSON Lines by content', '{"a":1}\n{"a":2}\n', 'eve.json', false, 'lines'],
    ['one pretty-printed object', '{\n  "a": 1\n}\n', 'alert.json', false, 'whole'],
    ['one object on one line', '{"a":1}\n', 'alert.json', false, 'whole'],
    ['key/value file in a folder', 'Description: x\nSource IP: 10.0.0.1\n', 'alerts/one.txt', true, 'whole'],
    ['key/value .txt file', 'Description: x\nSource IP: 10.0.0.1\n', 'one.txt', false, 'whole'],
    ['syslog .log file', '<34>Mar 14 06:21:03 host sshd[1]: x\n', 'auth.log', false, 'lines'],
    ['Zeek log in a folder', '#separator \\x09\n#fields\tts\n1\tx\n', 'zeek/notice.log', true, 'lines'],
    ['text on standard input', 'Description: a\nDescription: b\n', 'stdin', false, 'lines'],
    ['byte order mark before an array', '\uFEFF[1]', 'x.json', false, 'array'],
    ['JSON Lines with a cut first record', '{"description":"cut\n{"a":1}\n{"a":2}\n', 'stdin', false, 'lines'],
    ['pretty JSON with a nested one-line object', '{\n  "a": {"b":1}\n}\n', 'alert.json', false, 'whole'],
  ];
  for (const [name, head, file, inFolder, expected] of cases) {
    it(`reads ${name} as ${expected}`, () => {
      expect(detectLayout(head, file, inFolder)).toBe(expected);
    });
  }
});
