import { describe, expect, it } from 'vitest';
import { describeJsonError, findJsonErrorOffset } from '../../src/util/json-error-position.js';

describe('findJsonErrorOffset', () => {
  it('finds the first syntax error', () => {
    expect(findJsonErrorOffset('{"a": }')).toBe(6);
  });

  it('returns undefined for valid JSON', () => {
    expect(findJsonErrorOffset('{"a": [1, 2]}')).toBeUndefined();
  });

  it('gives up on JSON nested 100,000 levels', () => {
    expect(findJsonErrorOffset(`${'['.repeat(100_000)}x`)).toBeUndefined();
  });
});

describe('describeJsonError', () => {
  it('names the line and column', () => {
    expect(describeJsonError('{\n"a": }', new SyntaxError('Unexpected token')).where).toBe(' at line 2, column 6');
  });
});
