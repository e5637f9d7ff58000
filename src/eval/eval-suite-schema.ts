import { z } from 'zod';
import { verdictKinds } from './text/find-verdict-claims.js';

const techniqueId = z.string().regex(/^T\d{4}(?:\.\d{3})?$/, 'expected a canonical technique ID such as T1053.002');
const nonEmpty = z.string().trim().min(1);

/** Maximum word counts per section; a missing limit is not checked. */
export const wordLimitsSchema = z
  .object({
    interpretation: z.number().int().positive().optional().describe('summary and details together'),
    technique: z.number().int().positive().optional().describe('each technique explanation'),
    impact: z.number().int().positive().optional().describe('the four aspects together'),
    mitigations: z.number().int().positive().optional().describe('every action of the three kinds together'),
    total: z.number().int().positive().optional().describe('all prose of the explanation'),
  })
  .strict();
export type WordLimits = z.infer<typeof wordLimitsSchema>;

export const techniqueExpectationSchema = z
  .object({
    anyOf: z.array(techniqueId).default([]).describe('at least one of these must be cited'),
    allOf: z.array(techniqueId).default([]).describe('every one of these must be cited'),
    acceptable: z.array(techniqueId).default([]).describe('may be cited without lowering precision'),
  })
  .strict();

export const mentionSchema = z
  .object({
    addresses: z.array(nonEmpty).default([]),
    hosts: z.array(nonEmpty).default([]),
    accounts: z.array(nonEmpty).default([]),
    phrases: z.array(nonEmpty).default([]).describe('words that must appear, matched ignoring case'),
    patterns: z.array(nonEmpty).default([]).describe('regular expressions that must match, ignoring case'),
  })
  .strict();

export const forbiddenSchema = z
  .object({
    techniques: z.array(nonEmpty).default([]).describe('IDs in any spelling that must not appear anywhere'),
    verdicts: z.array(z.enum(verdictKinds)).default([]),
    patterns: z.array(nonEmpty).default([]).describe('regular expressions, matched ignoring case'),
  })
  .strict();

export const evalCaseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase id of letters, digits and dashes'),
    alert: nonEmpty.describe('alert fixture, relative to the suite file'),
    inputFormat: nonEmpty.optional().describe('value of --input-format; auto-detected when absent'),
    format: nonEmpty.describe('what the input is, for the report'),
    tactics: z.array(nonEmpty).min(1).describe('ATT&CK tactic shortnames the case exercises'),
    why: nonEmpty.describe('why these techniques and these must-nots are the right expectations'),
    techniques: techniqueExpectationSchema,
    mustMention: mentionSchema.default({ addresses: [], hosts: [], accounts: [], phrases: [], patterns: [] }),
    mustNot: forbiddenSchema.default({ techniques: [], verdicts: [], patterns: [] }),
    hostile: z.object({ field: nonEmpty.describe('path of the attacker-written field, such as http.http_user_agent') }).strict().optional(),
    storm: z
      .boolean()
      .optional()
      .describe('the fixture holds many alerts, one per line, explained as one consolidated record the way batch --group does'),
    maxReadingGrade: z.number().positive().optional(),
    maxWords: wordLimitsSchema.optional(),
    knownGap: nonEmpty.optional().describe('a missing adapter or mapper feature that this case is known to fail on'),
    skip: nonEmpty.optional().describe('reason to leave the case out of scoring'),
  })
  .strict();
export type EvalCase = z.infer<typeof evalCaseSchema>;

export const scorerThresholdSchema = z
  .object({
    passRate: z.number().min(0).max(1).optional(),
    meanScore: z.number().min(0).max(1).optional(),
  })
  .strict();
export type ScorerThreshold = z.infer<typeof scorerThresholdSchema>;

/** Thresholds per scorer name for one source of explanations (a backend or a file). */
export const thresholdSetSchema = z.record(z.string(), scorerThresholdSchema);
export type ThresholdSet = z.infer<typeof thresholdSetSchema>;

/** A suite of explanation cases with its defaults and CI thresholds. */
export const evalSuiteSchema = z
  .object({
    name: nonEmpty,
    description: nonEmpty.optional(),
    defaults: z
      .object({ maxReadingGrade: z.number().positive().default(9), maxWords: wordLimitsSchema.default({}) })
      .strict()
      .default({ maxReadingGrade: 9, maxWords: {} }),
    thresholds: z
      .record(z.string(), thresholdSetSchema)
      .default({})
      .describe('keyed by backend name, "explanations" for --explanations, or "default"'),
    cases: z.array(evalCaseSchema).min(1),
  })
  .strict();
export type EvalSuite = z.infer<typeof evalSuiteSchema>;
