import { entry, type LexiconEntry } from './lexicon-entry.js';

/**
 * Windows Security, System, PowerShell and Sysmon event IDs. Bare numbers are used only where
 * they are distinctive; short Sysmon IDs need the word "sysmon" or "event id" before them.
 */
export const windowsEvents: LexiconEntry[] = [
  entry('event-id', '4698|4702|event 4698|task registered|scheduled task created|scheduled task updated', 'T1053.005:0.6', 'Security events 4698 and 4702 record a scheduled task created or changed', 'EventID 4698 A scheduled task was created'),
  entry('event-id', 'event 106|eventid 106|taskscheduler/operational', 'T1053.005:0.4', 'Task Scheduler event 106 records a registered task', 'TaskScheduler/Operational event 106'),
  entry('event-id', '7045|4697|event 7045|service was installed in the system', 'T1543.003:0.7 T1569.002:0.3', 'System event 7045 and Security event 4697 record a new service', 'System event 7045 A service was installed in the system'),
  entry('event-id', '4720|a user account was created', 'T1136.001:0.8', 'Security event 4720 records a new local or domain account', 'EventID 4720 A user account was created'),
  entry('event-id', '4728|4732|4756|added to a security-enabled|member was added', 'T1098:0.7', 'events 4728, 4732 and 4756 record a member added to a security group', 'EventID 4732 A member was added to a security-enabled local group'),
  entry('event-id', '4724|4738|4794|password reset|an attempt was made to reset', 'T1098:0.6', 'events 4724, 4738 and 4794 record account and password changes', 'EventID 4724 An attempt was made to reset an account password'),
  entry('event-id', '4625|4771|4776|failed logon|logon failure|account failed to log on|bad password', 'T1110:0.5', 'failed logon events are the trace of password guessing', 'EventID 4625 An account failed to log on'),
  entry('event-id', '4648|explicit credentials', 'T1078:0.4 T1550:0.2', 'event 4648 records a logon with explicitly supplied credentials', 'EventID 4648 A logon was attempted using explicit credentials'),
  entry('event-id', '4769|4768|kerberos service ticket|tgs request|ticket granting', 'T1558:0.5 T1558.003:0.3', 'events 4768 and 4769 record Kerberos ticket requests', 'EventID 4769 A Kerberos service ticket was requested with encryption 0x17'),
  entry('event-id', '1102|event 104|eventid 104|audit log was cleared|the security log was cleared|system log file was cleared', 'T1070.001:1', 'events 1102 and 104 record a cleared event log', 'EventID 1102 The audit log was cleared'),
  entry('event-id', '4657|4663|registry value was modified', 'T1112:0.4', 'events 4657 and 4663 record registry and object access', 'EventID 4657 A registry value was modified'),
  entry('event-id', '5140|5145|network share object was accessed|relative target name', 'T1021.002:0.4', 'events 5140 and 5145 record access to network shares and pipes', 'EventID 5145 A network share object was checked'),
  entry('event-id', '4104|4103|event 4104|script block logging|module logging', 'T1059.001:0.6', 'events 4103 and 4104 log PowerShell modules and script blocks', 'EventID 4104 Creating Scriptblock text'),
  entry('event-id', '5861|5857|5860|wmi-activity', 'T1546.003:0.6 T1047:0.3', 'WMI-Activity events 5857 to 5861 record providers and permanent subscriptions', 'WMI-Activity/Operational event 5861'),
  entry('event-id', '4662|directory service access|object access on domain', 'T1003.006:0.4', 'event 4662 with replication rights is the trace of DCSync', 'EventID 4662 An operation was performed on an object'),
  entry('event-id', '4624 logon type 10|logon type 10|remoteinteractive', 'T1021.001:0.8', 'logon type 10 is a Remote Desktop logon', 'EventID 4624 Logon Type 10'),
  entry('event-id', '4624 logon type 3|logon type 3|network logon', 'T1021:0.3 T1078:0.3', 'logon type 3 is a network logon', 'EventID 4624 Logon Type 3'),
  entry('event-id', '4616|system time was changed', 'T1070.006:0.5', 'event 4616 records a changed system time', 'EventID 4616 The system time was changed'),
  entry('event-id', '4719|system audit policy was changed', 'T1562.002:1', 'event 4719 records a changed audit policy', 'EventID 4719 System audit policy was changed'),
  entry('event-id', '4946|4947|4950|2004|2005|2006|firewall exception', 'T1562.004:0.7', 'these events record changes to the Windows Firewall', 'EventID 2004 A rule has been added to the Windows Defender Firewall exception list'),
  entry('event-id', '5001|5010|5012|1116|real-time protection disabled|antimalware disabled', 'T1562.001:0.8', 'Defender events 5001, 5010 and 5012 record protection being turned off', 'Microsoft Defender event 5001 Real-time Protection disabled'),
  entry('event-id', 'sysmon event 8|sysmon eventid 8|event id 8|createremotethread detected', 'T1055:0.7', 'Sysmon event 8 records a thread started in another process', 'Sysmon event 8 CreateRemoteThread detected'),
  entry('event-id', 'sysmon event 10|event id 10|processaccess|process access|grantedaccess|0x1010|0x1fffff', 'T1003.001:0.4', 'Sysmon event 10 with access to LSASS is the trace of credential dumping', 'Sysmon event 10 ProcessAccess GrantedAccess 0x1010'),
  entry('event-id', 'sysmon event 25|process tampering', 'T1055.012:0.8', 'Sysmon event 25 records a process image changed in memory', 'Sysmon event 25 Process Tampering'),
  entry('event-id', 'sysmon event 19|sysmon event 20|sysmon event 21|wmieventfilter|wmieventconsumer|wmieventconsumertofilter', 'T1546.003:1', 'Sysmon events 19 to 21 record WMI subscriptions', 'Sysmon event 20 WmiEventConsumer activity'),
  entry('event-id', 'sysmon event 22|dnsquery|dns query|dns request', 'T1071.004:0.2', 'DNS queries can carry command-and-control traffic', 'Sysmon event 22 DNS query to a rare domain'),
  entry('event-id', 'sysmon event 23|sysmon event 26|file delete|file deleted|filedelete', 'T1070.004:0.4', 'Sysmon events 23 and 26 record file deletion', 'Sysmon event 26 File Delete logged'),
  entry('event-id', 'sysmon event 7|image loaded|imageload|dll loaded|loads a dll|dll load', 'T1574.001:0.3 T1129:0.2', 'unexpected DLL loads point to DLL hijacking or shared module loading', 'Sysmon event 7 Image loaded from user folder'),
];
