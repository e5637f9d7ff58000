/** Options of randomTexts. */
export interface RandomTextOptions {
  /** Strings that the texts are built from, each chosen with equal chance. */
  pieces: string[];
  count: number;
  /** Seed of the linear congruential generator, so every run builds the same texts. */
  seed: number;
  /** Texts have 0 to maxPieces - 1 pieces. */
  maxPieces: number;
}

/** Returns seeded random texts made of the given pieces, the same ones on every run. */
export function randomTexts({ pieces, count, seed, maxPieces }: RandomTextOptions): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, () => {
    let text = '';
    const length = Math.floor(next() * maxPieces);
    for (let index = 0; index < length; index += 1) text += pieces[Math.floor(next() * pieces.length)];
    return text;
  });
}
