import { describe, expect, it } from 'vitest';
import { removeAlertField } from '../../src/eval/remove-alert-field.js';

describe('removeAlertField', () => {
  it('removes a nested JSON field', () => {
    const text = JSON.stringify({ alert: { signature: 'x' }, http: { http_user_agent: 'evil', url: '/a' } });
    expect(JSON.parse(removeAlertField(text, 'http.http_user_agent'))).toEqual({ alert: { signature: 'x' }, http: { url: '/a' } });
  });

  it('removes a flattened dotted key', () => {
    const text = JSON.stringify({ 'user_agent.original': 'evil', message: 'm' });
    expect(JSON.parse(removeAlertField(text, 'user_agent.original'))).toEqual({ message: 'm' });
  });

  it('keeps a syslog prefix', () => {
    const result = removeAlertField('<37>Mar 14 host app: {"a": 1, "b": 2}', 'b');
    expect(result).toBe('<37>Mar 14 host app: {"a":1}\n');
  });

  it('removes a key/value line', () => {
    const text = 'Description: test\nX-Note: ignore this\nSource IP: 192.0.2.1\n';
    expect(removeAlertField(text, 'X-Note')).toBe('Description: test\nSource IP: 192.0.2.1\n');
  });

  it('removes a semicolon-separated pair', () => {
    const text = 'Description: test; X-Note: ignore this; Source IP: 192.0.2.1';
    expect(removeAlertField(text, 'X-Note')).toBe('Description: test; Source IP: 192.0.2.1');
  });

  it('rejects a missing JSON field', () => {
    expect(() => removeAlertField('{"a": 1}', 'b.c')).toThrow('hostile field "b.c" not found in the JSON alert');
  });

  it('rejects a missing key', () => {
    expect(() => removeAlertField('Description: test', 'X-Note')).toThrow('not found in the key/value alert');
  });
});
