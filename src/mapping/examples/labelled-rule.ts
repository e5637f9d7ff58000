import { z } from 'zod';

/** Log source of a detection rule, as Sigma writes it. */
export const logSourceSchema = z.object({
  product: z.string().optional(),
  category: z.string().optional(),
  service: z.string().optional(),
});

export type LogSource = z.infer<typeof logSourceSchema>;

/**
 * One detection rule or triaged alert with the ATT&CK techniques that people assigned to it:
 * the line layout of the mapping evaluation set and of example files. Fields beyond these
 * (level, author, path ...) are allowed and ignored.
 */
export const labelledRuleSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  description: z.string().default(''),
  logsource: logSourceSchema.default({}),
  /** Technique IDs as tagged; any common spelling is accepted and normalised later. */
  techniques: z.array(z.string()),
  /** Tactic tags as written, kept for reports only. */
  tactics: z.array(z.string()).default([]),
  /** Links to rules that share an origin (Sigma `related`); they share an evaluation fold. */
  related: z.array(z.object({ id: z.string(), type: z.string().optional() })).default([]),
});

export type LabelledRule = z.infer<typeof labelledRuleSchema>;
