import { describe, expect, it } from 'vitest';
import type { InputFile } from '../../src/batch/expand-inputs.js';
import { parseThreadMinBytes, wantsParseThread } from '../../src/batch/wants-parse-thread.js';

const file = (size: number): InputFile => ({ path: `alerts-${size}.jsonl`, name: `alerts-${size}.jsonl`, size, inFolder: false });
const stdin: InputFile = { path: '-', name: 'stdin', inFolder: false };

describe('wantsParseThread', () => {
  it('uses a thread for large inputs in auto mode', () => {
    expect(wantsParseThread('auto', [file(parseThreadMinBytes / 2), file(parseThreadMinBytes / 2)])).toBe(true);
  });

  it('parses small inputs inline in auto mode', () => {
    expect(wantsParseThread('auto', [file(parseThreadMinBytes - 1)])).toBe(false);
  });

  it('parses standard input inline in auto mode', () => {
    expect(wantsParseThread('auto', [file(parseThreadMinBytes), stdin])).toBe(false);
  });

  it('uses a thread for any input when on', () => {
    expect(wantsParseThread('on', [stdin])).toBe(true);
  });

  it('never uses a thread when off', () => {
    expect(wantsParseThread('off', [file(parseThreadMinBytes * 10)])).toBe(false);
  });
});
