import { attackPhrases } from './attack-phrases.js';
import { cloudAuditEvents } from './cloud-audit-events.js';
import type { LexiconEntry } from './lexicon-entry.js';
import { logSources } from './log-sources.js';
import { networkDevices } from './network-devices.js';
import { lolbasCatalogue } from './lolbas-catalogue.js';
import { pipesAndProtocols } from './pipes-and-protocols.js';
import { securityAndSysmonEvents } from './security-and-sysmon-events.js';
import { toolsAndLolbins } from './tools-and-lolbins.js';
import { unixAndCloud } from './unix-and-cloud.js';
import { unixCommands } from './unix-commands.js';
import { webServices } from './web-services.js';
import { windowsBinaries } from './windows-binaries.js';
import { windowsEvents } from './windows-events.js';
import { windowsPersistence } from './windows-persistence.js';

/**
 * Security artefacts and the ATT&CK techniques they indicate, written by us from ATT&CK's
 * technique pages and common incident-response knowledge. Each entry has a tested example.
 */
export const lexicon: LexiconEntry[] = [
  ...windowsBinaries,
  ...windowsPersistence,
  ...toolsAndLolbins,
  ...lolbasCatalogue,
  ...windowsEvents,
  ...securityAndSysmonEvents,
  ...pipesAndProtocols,
  ...webServices,
  ...networkDevices,
  ...unixAndCloud,
  ...unixCommands,
  ...cloudAuditEvents,
  ...attackPhrases,
  ...logSources,
];
