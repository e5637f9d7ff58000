import type { Impact } from '../../explanation/explanation-schema.js';

/**
 * Plain-language guidance per ATT&CK tactic, written by us for non-technical readers.
 * `{victim}` and `{source}` are replaced with values from the alert, or with neutral words
 * when the alert has none.
 */
export interface TacticGuide {
  /** What the attacker wants, completing "Attackers do this to ...". */
  goal: string;
  impact: Impact;
  bestPractices: string[];
}

export const tacticGuides: Record<string, TacticGuide> = {
  reconnaissance: {
    goal: 'learn about your people, systems and weak spots before they attack',
    impact: {
      dataBreach: 'No data is taken at this stage, but what the attacker learns helps a later break-in.',
      serviceDisruption: 'Scanning and probing rarely slow systems down on their own.',
      financial: 'The direct cost is low; the risk is the attack that may follow.',
      reputational: 'Little harm unless it leads to a real break-in.',
    },
    bestPractices: [
      'Limit what your public websites, DNS records and staff profiles reveal about internal systems.',
      'Watch for repeated probing from the same outside addresses and block them.',
    ],
  },
  'resource-development': {
    goal: 'set up the servers, accounts and tools they need for an attack',
    impact: {
      dataBreach: 'No data is at risk yet; this is preparation.',
      serviceDisruption: 'No direct effect on your systems.',
      financial: 'No direct cost yet.',
      reputational: 'Fake sites or accounts that copy your brand can mislead customers.',
    },
    bestPractices: ['Watch for new domains and accounts that imitate your brand.'],
  },
  'initial-access': {
    goal: 'get a first foothold inside your network',
    impact: {
      dataBreach: 'If the attempt worked, the attacker may reach data on {victim} and use it as a door to other systems.',
      serviceDisruption: 'A successful break-in can lead to crashed or taken-over services on {victim}.',
      financial: 'Incident response, recovery and possible fines can be costly if the attacker got in.',
      reputational: 'A break-in through a public service is visible to customers and partners.',
    },
    bestPractices: [
      'Patch internet-facing systems quickly and remove services that need not be public.',
      'Put a web application firewall or VPN in front of exposed services.',
    ],
  },
  execution: {
    goal: 'run their own programs on your computers',
    impact: {
      dataBreach: 'A program the attacker runs on {victim} can read any data that its account can reach.',
      serviceDisruption: 'The same program could stop services, delete files or install ransomware on {victim}.',
      financial: 'Cleaning up a compromised computer takes staff time, and downtime can stop business work.',
      reputational: 'If the attack spreads or data leaks, customers and partners may lose trust.',
    },
    bestPractices: [
      'Allow only approved programs and scripts to run on servers (application control).',
      'Keep logs of new processes and scheduled tasks, and review them.',
    ],
  },
  persistence: {
    goal: 'keep their access even after a restart or a password change',
    impact: {
      dataBreach: 'Lasting access gives the attacker time to find and copy data on {victim}.',
      serviceDisruption: 'The attacker can come back later and stop work on {victim} when it suits them.',
      financial: 'The longer an attacker stays, the more costly the clean-up.',
      reputational: 'A break-in that went unnoticed for long looks worse once it comes to light.',
    },
    bestPractices: [
      'Review scheduled tasks, services and start-up entries on servers regularly.',
      'Alert on new scheduled tasks and services created from another computer.',
    ],
  },
  'privilege-escalation': {
    goal: 'gain more control over a computer, such as administrator rights',
    impact: {
      dataBreach: 'With full control of {victim}, an attacker can read any file on it.',
      serviceDisruption: 'Full control lets an attacker turn off protection tools or stop services on {victim}.',
      financial: 'Rebuilding a computer that an attacker fully controlled is costly.',
      reputational: 'Losing control of key systems is hard to explain to customers.',
    },
    bestPractices: [
      'Give each account only the rights it needs, and keep administrator accounts few.',
      'Use separate accounts for administration and daily work.',
    ],
  },
  'defense-evasion': {
    goal: 'hide from security tools and avoid being noticed',
    impact: {
      dataBreach: 'Hidden activity on {victim} makes data theft harder to spot.',
      serviceDisruption: 'Disabled security tools leave {victim} open to further attack.',
      financial: 'Longer undetected access raises the cost of the response.',
      reputational: 'An intrusion that went unseen for long harms trust in your security.',
    },
    bestPractices: [
      'Alert when security tools are stopped or their settings change.',
      'Send logs to a central place that attackers on one computer cannot erase.',
    ],
  },
  'stealth': {
    goal: 'hide from security tools and avoid being noticed',
    impact: {
      dataBreach: 'Hidden activity on {victim} makes data theft harder to spot.',
      serviceDisruption: 'Hidden tools can be used later to disrupt {victim}.',
      financial: 'Longer undetected access raises the cost of the response.',
      reputational: 'An intrusion that went unseen for long harms trust in your security.',
    },
    bestPractices: ['Send logs to a central place that attackers on one computer cannot erase.'],
  },
  'credential-access': {
    goal: 'steal or guess passwords and other login secrets',
    impact: {
      dataBreach: 'With a guessed or stolen password, the attacker can see and do what that user can.',
      serviceDisruption: 'Many failed logins can lock out real users of {victim}.',
      financial: 'Stolen accounts can be used for fraud. Resetting passwords and checking what happened also costs money.',
      reputational: 'Taken-over accounts, especially customer accounts, damage trust quickly.',
    },
    bestPractices: [
      'Require multi-factor authentication, above all for remote and administrator logins.',
      'Lock or slow down accounts after repeated failed logins.',
      'Use long, unique passwords and a password manager.',
    ],
  },
  discovery: {
    goal: 'map your network and find valuable systems and data',
    impact: {
      dataBreach: 'Mapping does not take data itself, but it shows the attacker where the data is.',
      serviceDisruption: 'Discovery rarely affects services directly.',
      financial: 'Low direct cost; it usually comes before more harmful steps.',
      reputational: 'Little direct harm, but it is a sign an attacker may already be inside.',
    },
    bestPractices: ['Alert on unusual scanning or directory queries from inside the network.'],
  },
  'lateral-movement': {
    goal: 'move from one computer to others in your network',
    impact: {
      dataBreach: 'Each computer the attacker reaches, such as {victim}, exposes more data.',
      serviceDisruption: 'An attacker who moves between systems can disrupt many of them at once.',
      financial: 'A spread-out intrusion costs far more to investigate and clean up.',
      reputational: 'A network-wide breach is harder to contain and to explain publicly.',
    },
    bestPractices: [
      'Split the network into zones so that one computer cannot reach every other one.',
      'Restrict remote administration to a few managed admin hosts.',
    ],
  },
  collection: {
    goal: 'gather the data they are after',
    impact: {
      dataBreach: 'Data on {victim} may be gathered for theft.',
      serviceDisruption: 'Collection rarely affects services directly.',
      financial: 'Stolen data can bring legal costs and fines.',
      reputational: 'Data theft is one of the most damaging incidents for trust.',
    },
    bestPractices: ['Keep sensitive data in few, well-watched places and encrypt it at rest.'],
  },
  'command-and-control': {
    goal: 'keep a remote control channel to a computer they have taken over',
    impact: {
      dataBreach: 'An open control channel lets the attacker send commands to {victim} and pull data out.',
      serviceDisruption: 'The attacker can use it to put more harmful software, such as ransomware, on {victim}.',
      financial: 'A computer under outside control must be checked and often rebuilt. That costs time and money.',
      reputational: 'Attackers can use a taken-over computer to attack others in your name.',
    },
    bestPractices: [
      'Send web traffic through a proxy that blocks new and unknown domains.',
      'Watch for computers that contact the same outside server at regular intervals.',
    ],
  },
  exfiltration: {
    goal: 'copy your data out of the network',
    impact: {
      dataBreach: 'Data from {victim} may already be in the attacker\'s hands.',
      serviceDisruption: 'Large transfers can slow the network, but the main harm is the data loss.',
      financial: 'Data loss can bring fines, legal costs and the cost of notifying people.',
      reputational: 'Leaked data often becomes public and seriously harms trust.',
    },
    bestPractices: ['Watch for unusually large uploads and limit which systems can send data out.'],
  },
  impact: {
    goal: 'damage, lock or destroy your systems and data',
    impact: {
      dataBreach: 'Data on {victim} may be destroyed, locked or changed.',
      serviceDisruption: 'Services on {victim} may stop working.',
      financial: 'Downtime and recovery can be very costly.',
      reputational: 'Visible outages and data loss harm trust with customers.',
    },
    bestPractices: ['Keep offline, tested backups and a plan to restore key systems.'],
  },
};
