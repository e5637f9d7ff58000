import { attackPhrases } from './attack-phrases.js';
import type { LexiconEntry } from './lexicon-entry.js';
import { logSources } from './log-sources.js';
import { pipesAndProtocols } from './pipes-and-protocols.js';
import { toolsAndLolbins } from './tools-and-lolbins.js';
import { unixAndCloud } from './unix-and-cloud.js';
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
  ...windowsEvents,
  ...pipesAndProtocols,
  ...unixAndCloud,
  ...attackPhrases,
  ...logSources,
];
