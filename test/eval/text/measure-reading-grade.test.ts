import { describe, expect, it } from 'vitest';
import { measureReadingGrade } from '../../../src/eval/text/measure-reading-grade.js';

describe('measureReadingGrade', () => {
  it('rates short plain sentences low', () => {
    const result = measureReadingGrade('The cat sat on the mat. It was happy.');
    expect(result.words).toBe(9);
    expect(result.sentences).toBe(2);
    expect(result.grade).toBeLessThan(2);
  });

  it('applies the Flesch-Kincaid formula', () => {
    // 9 words, 2 sentences, 10 syllables: 0.39 × 4.5 + 11.8 × 10/9 − 15.59 = −0.7.
    expect(measureReadingGrade('The cat sat on the mat. It was happy.').grade).toBe(-0.7);
  });

  it('rates long sentences of long words high', () => {
    const text = 'Comprehensive organisational remediation necessitates systematic investigation of administrative infrastructure vulnerabilities.';
    expect(measureReadingGrade(text).grade).toBeGreaterThan(16);
  });

  it('counts an address as one syllable', () => {
    expect(measureReadingGrade('Block 10.2.2.10 now.').syllables).toBe(3);
  });

  it('spells out an acronym', () => {
    expect(measureReadingGrade('Use RPC.').syllables).toBe(4);
  });

  it('treats each line as a sentence', () => {
    expect(measureReadingGrade('first line\nsecond line').sentences).toBe(2);
  });

  it('returns zero for text without words', () => {
    expect(measureReadingGrade('  ... ').grade).toBe(0);
  });
});
