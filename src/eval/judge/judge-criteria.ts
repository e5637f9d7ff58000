import { z } from 'zod';

/** Criteria the judge rates, each from 0 to 4. */
export const judgeCriteria = ['consequences', 'context', 'countermeasures', 'correctness', 'intuitiveness', 'urgency'] as const;
export type JudgeCriterion = (typeof judgeCriteria)[number];

const ratingSchema = z.object({
  score: z.number().int().min(0).max(4),
  reason: z.string().trim().min(1),
});

/** Judge reply: one rating with a reason per criterion. */
export const judgementSchema = z.object({
  ratings: z.object(Object.fromEntries(judgeCriteria.map((criterion) => [criterion, ratingSchema])) as Record<JudgeCriterion, typeof ratingSchema>),
});
export type Judgement = z.infer<typeof judgementSchema>;
