import { impactAspects } from '../explanation-view.js';
import { findJargon } from '../text/find-jargon.js';
import { measureReadingGrade } from '../text/measure-reading-grade.js';
import { clampScore, listForReason, type ScoreResult, type ScorerContext } from './scorer.js';

function gradeScore(grade: number, maxGrade: number): number {
  return grade <= maxGrade ? 1 : 1 - (grade - maxGrade) / maxGrade;
}

/**
 * Scores readability for a non-technical reader on the interpretation summary and the four
 * impact aspects, the parts written for that reader. Each of the two must have a
 * Flesch-Kincaid grade at or below the case's maximum (9 by default), and every ATT&CK or
 * network term they use (see jargon-terms.ts) must be explained somewhere in the
 * interpretation (details included) or the impact, or be absent. The score is the mean of
 * the two grade scores (1 up to the maximum, falling linearly to 0 at twice the maximum) and
 * the share of jargon terms that are explained.
 */
export function scoreReadability(context: ScorerContext): ScoreResult {
  const { view } = context.subject;
  const maxGrade = context.maxReadingGrade;
  const impactText = impactAspects.map((aspect) => view.impact[aspect]).join('\n');
  const summary = measureReadingGrade(view.interpretation.summary);
  const impact = measureReadingGrade(impactText);

  const readerText = `${view.interpretation.summary}\n${impactText}`;
  const glossary = `${readerText}\n${view.interpretation.details}`;
  const jargon = findJargon(readerText, glossary);
  const unexplained = jargon.filter((use) => !use.explained).map((use) => use.match);
  const jargonScore = jargon.length === 0 ? 1 : (jargon.length - unexplained.length) / jargon.length;

  const score = clampScore((gradeScore(summary.grade, maxGrade) + gradeScore(impact.grade, maxGrade) + jargonScore) / 3);
  const pass = summary.grade <= maxGrade && impact.grade <= maxGrade && unexplained.length === 0;
  const grades = `grade ${summary.grade} for the summary and ${impact.grade} for the impact (maximum ${maxGrade})`;
  const terms = unexplained.length > 0 ? `; unexplained jargon: ${listForReason(unexplained)}` : '';
  return { pass, score, reason: `${grades}${terms}` };
}
