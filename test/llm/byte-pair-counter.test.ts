import { Tiktoken } from 'js-tiktoken/lite';
import { describe, expect, it } from 'vitest';
import { BytePairCounter } from '../../src/llm/byte-pair-counter.js';
import { RankTable } from '../../src/llm/rank-table.js';
import { randomTexts } from '../support/random-texts.js';
import { realAttackIndex } from '../support/real-attack.js';
import { hardTexts, loadRanks, pieces } from './tokenizer-samples.js';

describe('BytePairCounter', () => {
  for (const name of ['o200k_base', 'cl100k_base'] as const) {
    it(`matches js-tiktoken for ${name}`, async () => {
      const ranks = await loadRanks(name);
      const reference = new Tiktoken(ranks);
      const counter = new BytePairCounter(RankTable.build(ranks.bpe_ranks), ranks.pat_str);
      const techniqueTexts = realAttackIndex().primary.techniques.map((technique) => technique.description);
      const texts = [...hardTexts, ...randomTexts({ pieces, count: 2000, seed: 7, maxPieces: 30 }), ...techniqueTexts];

      const differing = texts.filter((text) => counter.count(text) !== reference.encode(text, [], []).length);

      expect(differing).toEqual([]);
    });
  }

  it('counts a repeated text the same each time', async () => {
    const ranks = await loadRanks('o200k_base');
    const counter = new BytePairCounter(RankTable.build(ranks.bpe_ranks), ranks.pat_str);
    const text = 'Adversaries may abuse the at utility to perform task scheduling.';

    const first = counter.count(text);

    expect(counter.count(text)).toBe(first);
  });
});
