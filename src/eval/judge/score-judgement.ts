import { clampScore, type ScoreResult } from '../scorers/scorer.js';
import { judgeCriteria, type Judgement } from './judge-criteria.js';

/** Mean rating (of 4) that a pass needs. */
export const minJudgeMean = 3;
/** Lowest single rating that a pass allows. */
export const minJudgeRating = 2;

/**
 * Turns the judge's six ratings into a score: the mean rating divided by 4. A pass needs a
 * mean of at least 3 and no rating below 2. The reason lists every rating and, on a fail,
 * the judge's reason for the lowest one.
 */
export function scoreJudgement(judgement: Judgement): ScoreResult {
  const ratings = judgeCriteria.map((criterion) => ({ criterion, ...judgement.ratings[criterion] }));
  const mean = ratings.reduce((total, rating) => total + rating.score, 0) / ratings.length;
  const lowest = ratings.reduce((low, rating) => (rating.score < low.score ? rating : low));
  const pass = mean >= minJudgeMean && lowest.score >= minJudgeRating;
  const list = ratings.map((rating) => `${rating.criterion} ${rating.score}`).join(', ');
  const why = pass ? '' : `; lowest, ${lowest.criterion}: ${lowest.reason}`;
  return { pass, score: clampScore(mean / 4), reason: `${list} (mean ${mean.toFixed(2)} of 4)${why}` };
}
