import { z } from 'zod';

/** One side of a connection or event. Every field is optional because sensors differ. */
export const endpointSchema = z.object({
  address: z.string().optional(),
  port: z.number().int().min(0).max(65535).optional(),
  host: z.string().optional(),
  user: z.string().optional(),
});

export type Endpoint = z.infer<typeof endpointSchema>;

/**
 * One alert, whatever format it arrived in. Adapters fill it; everything after parsing reads
 * only this model. `raw` keeps every input field so that nothing the sensor sent is lost.
 */
export const alertSchema = z.object({
  /** Name of the adapter that read the alert, such as "key-value" or "json". */
  format: z.string(),
  /** Description or signature text: what the rule says it detects. */
  description: z.string().min(1),
  ruleName: z.string().optional(),
  ruleId: z.string().optional(),
  source: endpointSchema,
  destination: endpointSchema,
  protocol: z.string().optional(),
  /** Event time in UTC ISO 8601, when the input had a readable one. */
  timestamp: z.string().optional(),
  /** Event time exactly as the input wrote it. */
  timestampOriginal: z.string().optional(),
  severity: z.string().optional(),
  /** Sensor or product that raised the alert. */
  sensor: z.string().optional(),
  category: z.string().optional(),
  /** ATT&CK technique IDs that the alert itself carries, as written. */
  attackIds: z.array(z.string()),
  /** ATT&CK tactic names or IDs that the alert itself carries, as written. */
  attackTactics: z.array(z.string()),
  /** Host names and accounts named anywhere in the alert besides the endpoints. */
  hosts: z.array(z.string()),
  users: z.array(z.string()),
  /** Free-text details and any fields the adapter did not map. */
  details: z.string().optional(),
  /** Remarks about reading the input, such as a truncated record or a trimmed field. */
  notes: z.array(z.string()),
  /** Every field of the input as the adapter received it. */
  raw: z.record(z.string(), z.unknown()),
});

export type Alert = z.infer<typeof alertSchema>;

/** Fields an adapter must set; the rest get empty defaults in makeAlert. */
export type AlertDraft = Pick<Alert, 'format' | 'description' | 'raw'> & Partial<Omit<Alert, 'format' | 'description' | 'raw'>>;
