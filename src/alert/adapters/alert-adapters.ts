import type { AlertAdapter } from './alert-adapter.js';
import { chainsawAdapter } from './chainsaw-adapter.js';
import { ecsAlertAdapter } from './ecs-alert-adapter.js';
import { genericJsonAdapter } from './generic-json-adapter.js';
import { hayabusaAdapter } from './hayabusa-adapter.js';
import { keyValueAdapter } from './key-value-adapter.js';
import { snortFastAdapter } from './snort-fast-adapter.js';
import { snortJsonAdapter } from './snort-json-adapter.js';
import { suricataEveAdapter } from './suricata-eve-adapter.js';
import { createSyslogAdapter } from './syslog-adapter.js';
import { wazuhAlertAdapter } from './wazuh-alert-adapter.js';
import { windowsEventAdapter } from './windows-event-adapter.js';
import { zeekNoticeAdapter } from './zeek-notice-adapter.js';

/** The formats that can arrive inside a syslog line: every one but syslog itself. */
const payloadAdapters: readonly AlertAdapter[] = [
  suricataEveAdapter,
  snortFastAdapter,
  snortJsonAdapter,
  zeekNoticeAdapter,
  wazuhAlertAdapter,
  ecsAlertAdapter,
  hayabusaAdapter,
  chainsawAdapter,
  windowsEventAdapter,
  keyValueAdapter,
  genericJsonAdapter,
];

/**
 * Every input format ids-explain reads, most specific first. Detection takes the adapter with
 * the highest confidence, or the earlier one on a tie. The generic JSON and key/value adapters
 * return low confidences, so any specific format beats them.
 */
export const alertAdapters: readonly AlertAdapter[] = [createSyslogAdapter(() => payloadAdapters), ...payloadAdapters];

/** Returns the adapter selected by an `--input-format` value, or undefined. */
export function findAdapter(name: string): AlertAdapter | undefined {
  return alertAdapters.find((adapter) => adapter.name === name);
}
