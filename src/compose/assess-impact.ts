import type { TacticRecord } from '../attack/attack-data.js';
import type { Impact } from '../explanation/explanation-schema.js';
import { fillPlaceholders, type ComposeContext } from './compose-context.js';
import { tacticGuides } from './guides/tactic-guide.js';

/** For each impact aspect, the tactics whose guidance speaks to it most directly, first. */
const aspectPriority: Record<keyof Impact, string[]> = {
  dataBreach: ['exfiltration', 'collection', 'credential-access', 'command-and-control', 'execution', 'lateral-movement', 'privilege-escalation', 'persistence', 'initial-access', 'impact', 'defense-evasion', 'stealth', 'discovery', 'reconnaissance', 'resource-development'],
  serviceDisruption: ['impact', 'execution', 'command-and-control', 'privilege-escalation', 'lateral-movement', 'initial-access', 'credential-access', 'persistence', 'defense-evasion', 'stealth', 'exfiltration', 'collection', 'discovery', 'reconnaissance', 'resource-development'],
  financial: ['impact', 'exfiltration', 'credential-access', 'lateral-movement', 'execution', 'command-and-control', 'initial-access', 'privilege-escalation', 'persistence', 'collection', 'defense-evasion', 'stealth', 'discovery', 'reconnaissance', 'resource-development'],
  reputational: ['exfiltration', 'impact', 'collection', 'initial-access', 'credential-access', 'command-and-control', 'lateral-movement', 'execution', 'privilege-escalation', 'persistence', 'defense-evasion', 'stealth', 'discovery', 'reconnaissance', 'resource-development'],
};

const unmatched: Impact = {
  dataBreach: 'Unknown until the activity is explained; check whether {victim} holds sensitive data.',
  serviceDisruption: 'No direct effect on services is known from this alert.',
  financial: 'The cost is mainly the staff time needed to check the alert.',
  reputational: 'No harm is expected unless the activity turns out to be an attack.',
};

/**
 * Assesses the four impact aspects from the tactics of the explained techniques: each aspect
 * takes the guidance of the tactic that bears on it most, phrased with the alert's own target.
 */
export function assessImpact(tactics: TacticRecord[], context: ComposeContext): Impact {
  const present = new Set(tactics.map((tactic) => tactic.shortname));
  const pick = (aspect: keyof Impact): string => {
    const shortname = aspectPriority[aspect].find((candidate) => present.has(candidate) && tacticGuides[candidate]);
    const template = shortname ? tacticGuides[shortname]!.impact[aspect] : unmatched[aspect];
    return fillPlaceholders(template, context);
  };
  return {
    dataBreach: pick('dataBreach'),
    serviceDisruption: pick('serviceDisruption'),
    financial: pick('financial'),
    reputational: pick('reputational'),
  };
}
