import { entry, type LexiconEntry } from './lexicon-entry.js';

/** More Windows Security, System, PowerShell, AppLocker and Sysmon event IDs and what they record. */
export const securityAndSysmonEvents: LexiconEntry[] = [
  entry('event-id', '4657|registry value was modified', 'T1112:0.6', 'Security event 4657 records a changed registry value', 'EventID 4657 A registry value was modified'),
  entry('event-id', '5136|directory service object was modified', 'T1098:0.4 T1484:0.3', 'event 5136 records a changed Active Directory object, such as its rights or its policy links', 'EventID 5136 A directory service object was modified'),
  entry('event-id', '4741|4742|computer account was created|computer account was changed', 'T1136.002:0.4 T1098:0.4', 'events 4741 and 4742 record computer accounts created or changed in the domain', 'EventID 4741 A computer account was created'),
  entry('event-id', '4672|special privileges assigned', 'T1078.002:0.4 T1078:0.2', 'event 4672 records a logon with administrator-equivalent privileges', 'EventID 4672 Special privileges assigned to new logon'),
  entry('event-id', '4740|account was locked out|account lockout', 'T1110:0.7', 'event 4740 records an account locked out after too many bad passwords', 'EventID 4740 A user account was locked out'),
  entry('event-id', '4726|4730|4734|4758|user account was deleted|group was deleted', 'T1531:0.5 T1098:0.4', 'these events record deleted accounts and groups', 'EventID 4726 A user account was deleted'),
  entry('event-id', '4781|name of an account was changed', 'T1098:0.6 T1036:0.2', 'event 4781 records a renamed account', 'EventID 4781 The name of an account was changed'),
  entry('event-id', '4670|permissions on an object were changed', 'T1222.001:0.7', 'event 4670 records changed permissions on a file, key or object', 'EventID 4670 Permissions on an object were changed'),
  entry('event-id', '5140|network share object was accessed|share was accessed', 'T1021.002:0.5 T1039:0.3', 'event 5140 records access to a network share', 'EventID 5140 A network share object was accessed'),
  entry('event-id', '7040|start type of the|start type of a service', 'T1543.003:0.4 T1562.001:0.3', 'System event 7040 records a service start type change, used to enable malicious services or disable security ones', 'EventID 7040 The start type of the Windows Defender service was changed'),
  entry('event-id', '7036|entered the stopped state|7034|terminated unexpectedly', 'T1489:0.5', 'System events 7036 and 7034 record services that stopped', 'EventID 7036 The Volume Shadow Copy service entered the stopped state'),
  entry('event-id', '6416|new external device was recognized|6423|6424|device installation', 'T1200:0.6 T1091:0.3', 'events 6416 and 6423 record external devices attached or blocked', 'EventID 6416 A new external device was recognized by the system'),
  entry('event-id', '3033|3063|3089|code integrity|codeintegrity|driver signature', 'T1553.006:0.5 T1014:0.2', 'Code Integrity events record images that failed signature checks', 'CodeIntegrity event 3033 image did not meet signing requirements'),
  entry('event-id', '8003|8004|8006|8007|applocker blocked|applocker audit', 'T1204.002:0.3 T1059:0.3', 'AppLocker events 8003 to 8007 record programs and scripts that policy blocked or would block', 'AppLocker event 8004 blocked c:\\users\\a\\x.exe'),
  entry('event-id', 'powershell engine state|engine state is changed|pipelineexecutiondetails|event 400|event 403|event 800', 'T1059.001:0.5', 'Windows PowerShell events 400, 403 and 800 record engine starts and pipeline execution', 'Windows PowerShell event 800 PipelineExecutionDetails'),
  entry('event-id', 'sysmon event 4|sysmon event 16|sysmon service state|sysmon config|sysmondrv|sysmon stopped', 'T1562.001:0.7', 'Sysmon events 4 and 16 record Sysmon stopping or its configuration changing', 'Sysmon event 16 Sysmon config state changed'),
  entry('event-id', 'sysmon event 15|filecreatestreamhash|stream hash', 'T1564.004:0.8', 'Sysmon event 15 records an alternate data stream written to a file', 'Sysmon event 15 FileCreateStreamHash'),
  entry('event-id', 'sysmon event 12|sysmon event 13|sysmon event 14|registryevent|setvalue', 'T1112:0.4', 'Sysmon events 12 to 14 record registry keys and values created, set or renamed', 'Sysmon event 13 RegistryEvent SetValue'),
  entry('event-id', 'sysmon event 6|driver loaded|driverload', 'T1543.003:0.3 T1068:0.3 T1014:0.2', 'Sysmon event 6 records a loaded driver, the way kernel code and vulnerable drivers arrive', 'Sysmon event 6 Driver loaded'),
  entry('event-id', 'sysmon event 17|sysmon event 18|pipe created|pipe connected|createpipe', 'T1559:0.3 T1021.002:0.2', 'Sysmon events 17 and 18 record named pipes that tools use to talk to each other', 'Sysmon event 17 Pipe Created'),
  entry('event-id', '1149|remote desktop services: user authentication succeeded|session reconnection succeeded|session logon succeeded', 'T1021.001:0.5', 'TerminalServices events 1149, 21 and 25 record RDP sign-ins and reconnects', 'TerminalServices-RemoteConnectionManager event 1149'),
];
