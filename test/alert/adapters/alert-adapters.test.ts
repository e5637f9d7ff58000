import { describe, expect, it } from 'vitest';
import { alertAdapters, findAdapter } from '../../../src/alert/adapters/alert-adapters.js';
import { alertFormatNames } from '../../../src/alert/adapters/alert-format-names.js';

describe('alertAdapters', () => {
  it('matches the format names in the CLI help', () => {
    expect(alertAdapters.map((adapter) => adapter.name)).toEqual([...alertFormatNames]);
  });

  it('finds an adapter by name', () => {
    expect(findAdapter('zeek-notice')?.label).toBe('Zeek notice.log record, tab-separated with its #fields header, or JSON');
  });
});
