import { z } from 'zod';

const text = z.string().trim().min(1);

export const techniqueIdSchema = z.string().regex(/^T\d{4}(?:\.\d{3})?$/, 'expected a technique ID such as T1053.002');

export const tacticRefSchema = z.object({
  id: z.string().regex(/^TA\d{4}$/, 'expected a tactic ID such as TA0002'),
  name: text,
});

export const explainedTechniqueSchema = z.object({
  id: techniqueIdSchema,
  name: text.describe('Name as ATT&CK shows it, parent first for sub-techniques: "Scheduled Task/Job: At"'),
  tactics: z.array(tacticRefSchema),
  explanation: text.describe('What the technique involves and why it fits this alert, citing ATT&CK'),
  attackQuote: text.describe("A sentence copied verbatim from the technique's ATT&CK description"),
  url: z.url().describe('ATT&CK page of the technique'),
});

export const mitigationRefSchema = z.object({
  id: z.string().regex(/^M\d{4}$/, 'expected a mitigation ID such as M1026'),
  name: text,
  url: z.url(),
});

export const mitigationItemSchema = z.object({
  action: text,
  mitigation: mitigationRefSchema.optional().describe('The ATT&CK mitigation this action comes from, when it comes from ATT&CK'),
});

export const impactSchema = z.object({
  dataBreach: text,
  serviceDisruption: text,
  financial: text,
  reputational: text,
});

export const mitigationsSchema = z.object({
  immediate: z.array(mitigationItemSchema).min(1),
  longTerm: z.array(mitigationItemSchema).min(1),
  bestPractices: z.array(mitigationItemSchema).min(1),
});

export const interpretationSchema = z.object({
  summary: text.describe('What the alert means, in plain words for a non-technical reader'),
  details: text.optional().describe('Further context: what the sensor reported and the terms it used'),
});

export const explanationMetadataSchema = z.object({
  attackRelease: text,
  attackDomain: text,
  backend: text,
  generatedAt: z.iso.datetime(),
  alertFingerprint: text.describe('Hash of what determines the explanation; equal for repeats of one signature'),
  model: z.string().optional(),
  promptVersion: z.string().optional(),
  promptTokens: z.number().int().nonnegative().optional(),
  completionTokens: z.number().int().nonnegative().optional(),
  fallbackReason: z.string().optional().describe('Why the LLM answer was replaced by the offline composer'),
  grounding: z.array(z.string()).optional().describe('Corrections that grounding made, such as a removed technique'),
  notes: z.array(z.string()).optional().describe('Remarks about the input, such as a truncated record'),
  tampering: z
    .array(
      z.object({
        field: text,
        fieldName: text,
        signals: z.array(z.string()),
        hiddenBy: z.array(z.string()),
      }),
    )
    .optional()
    .describe('Alert fields withheld because their text tries to instruct automated tools'),
});

/** The four-section explanation of one alert, with metadata; every backend must produce it. */
export const explanationSchema = z.object({
  interpretation: interpretationSchema,
  techniques: z.array(explainedTechniqueSchema),
  impact: impactSchema,
  mitigations: mitigationsSchema,
  metadata: explanationMetadataSchema,
});

export type Explanation = z.infer<typeof explanationSchema>;
export type ExplainedTechnique = z.infer<typeof explainedTechniqueSchema>;
export type MitigationItem = z.infer<typeof mitigationItemSchema>;
export type MitigationRef = z.infer<typeof mitigationRefSchema>;
export type Impact = z.infer<typeof impactSchema>;
export type ExplanationMetadata = z.infer<typeof explanationMetadataSchema>;

/** The four sections without metadata: what a backend drafts before grounding. */
export const explanationDraftSchema = explanationSchema.omit({ metadata: true });
export type ExplanationDraft = z.infer<typeof explanationDraftSchema>;
