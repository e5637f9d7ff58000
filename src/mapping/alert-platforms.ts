import { PhraseMatcher } from './phrase-matcher.js';

/**
 * Words in alert text that name the platform an alert came from, with the ATT&CK platform
 * names (as techniques list them in `x_mitre_platforms`) that each word implies.
 */
const platformWords: [phrase: string, platforms: string[]][] = [
  ['windows', ['Windows']],
  ['sysmon', ['Windows']],
  ['wineventlog', ['Windows']],
  ['powershell', ['Windows']],
  ['hklm', ['Windows']],
  ['hkcu', ['Windows']],
  ['linux', ['Linux']],
  ['auditd', ['Linux']],
  ['systemd', ['Linux']],
  ['macos', ['macOS']],
  ['osx', ['macOS']],
  ['launchd', ['macOS']],
  ['aws', ['IaaS']],
  ['cloudtrail', ['IaaS']],
  ['gcp', ['IaaS']],
  ['azure', ['IaaS', 'Identity Provider']],
  ['okta', ['Identity Provider']],
  ['entra', ['Identity Provider']],
  ['signinlogs', ['Identity Provider']],
  ['m365', ['Office Suite']],
  ['office 365', ['Office Suite']],
  ['microsoft 365', ['Office Suite']],
  ['exchange online', ['Office Suite']],
  ['google workspace', ['Office Suite', 'Identity Provider']],
  ['github', ['SaaS']],
  ['gitlab', ['SaaS']],
  ['bitbucket', ['SaaS']],
  ['kubernetes', ['Containers']],
  ['docker', ['Containers']],
  ['esxi', ['ESXi']],
  ['vcenter', ['ESXi']],
  ['cisco', ['Network Devices']],
  ['fortigate', ['Network Devices']],
  ['fortios', ['Network Devices']],
  ['junos', ['Network Devices']],
];

const matcher = new PhraseMatcher<string[]>();
for (const [phrase, platforms] of platformWords) matcher.add(phrase, platforms);

/** Returns the ATT&CK platforms that an alert's words name, or an empty set when none is named. */
export function alertPlatforms(words: readonly string[]): Set<string> {
  return new Set(matcher.matchWords(words).flatMap((hit) => hit.value));
}
