import { z } from 'zod';

/** One side of a connection or event. Every field is optional because sensors differ. */
export const endpointSchema = z.object({
  address: z.string().optional(),
  port: z.number().int().min(0).max(65535).optional(),
  host: z.string().optional(),
  user: z.string().optional(),
});

export type Endpoint = z.infer<typeof endpointSchema>;

/** Common severity scale that adapters translate each sensor's own levels into. */
export const severityLevelSchema = z.enum(['informational', 'low', 'medium', 'high', 'critical']);

export type SeverityLevel = z.infer<typeof severityLevelSchema>;

/** Cut point of a record that arrived incomplete. */
export const truncationSchema = z.object({
  /** Number of characters of the record that arrived. */
  receivedChars: z.number().int().nonnegative(),
  /** Dotted path of the object or array that was still open at the cut, such as "alert.metadata"; empty at the top level. */
  openPath: z.string(),
});

export type Truncation = z.infer<typeof truncationSchema>;

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
  /** The sensor's severity on one common scale, read from that sensor's own scale by the adapter. */
  severityLevel: severityLevelSchema.optional(),
  /** Sensor or product that raised the alert. */
  sensor: z.string().optional(),
  /**
   * Machine that runs the sensor or relayed the record, such as the host name in a syslog
   * header. It reports the activity and is never the attacked system.
   */
  sensorHost: z.string().optional(),
  /** Log file or index where the sensor keeps the complete record, such as "eve.json". */
  originalLog: z.string().optional(),
  category: z.string().optional(),
  /** ATT&CK technique IDs that the alert itself carries, as written. */
  attackIds: z.array(z.string()),
  /** ATT&CK tactic names or IDs that the alert itself carries, as written. */
  attackTactics: z.array(z.string()),
  /** Host names and accounts named anywhere in the alert besides the endpoints. */
  hosts: z.array(z.string()),
  users: z.array(z.string()),
  /**
   * Targets the alert names when it has more than one and no single destination, without
   * repeats, such as the sampled servers of a Zeek password-guessing notice.
   */
  targets: z.array(z.string()).optional(),
  /** Number of events or connections that the sensor counted before alerting. */
  eventCount: z.number().int().nonnegative().optional(),
  /** Free-text details and any fields the adapter did not map. */
  details: z.string().optional(),
  /** Remarks about reading the input, such as a truncated record or a trimmed field. */
  notes: z.array(z.string()),
  /** Set when the record was cut short, such as by a log relay's message-size limit. */
  truncated: truncationSchema.optional(),
  /** Every field of the input as the adapter received it. */
  raw: z.record(z.string(), z.unknown()),
});

export type Alert = z.infer<typeof alertSchema>;

/** Fields an adapter must set; the rest get empty defaults in makeAlert. */
export type AlertDraft = Pick<Alert, 'format' | 'description' | 'raw'> & Partial<Omit<Alert, 'format' | 'description' | 'raw'>>;
