/**
 * Values of `--input-format` other than "auto", in detection order. The CLI help reads this
 * list so that `--help` need not load the adapters; a test keeps it equal to the registry.
 */
export const alertFormatNames = [
  'syslog',
  'suricata-eve',
  'snort-fast',
  'snort-json',
  'zeek-notice',
  'wazuh',
  'ecs',
  'hayabusa',
  'chainsaw',
  'windows-event',
  'key-value',
  'json',
] as const;
