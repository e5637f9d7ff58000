import { entry, type LexiconEntry } from './lexicon-entry.js';

/**
 * Log source products, services and categories. They say where an alert came from rather
 * than what happened, so their weights stay low: they break ties between techniques that the
 * rest of the text supports.
 */
export const logSources: LexiconEntry[] = [
  entry('log-source', 'webserver|web server|apache|nginx|iis|access log|waf|web application firewall|modsecurity', 'T1190:0.4 T1505.003:0.1', 'web server and WAF logs record attacks on public-facing applications', 'log source: webserver'),
  entry('log-source', 'ps_script|ps_module|ps_classic_start|ps_classic_provider_start|powershell-classic|microsoft-windows-powershell', 'T1059.001:0.4', 'PowerShell logs record PowerShell activity', 'log source: windows ps_script'),
  entry('log-source', 'registry_set|registry_event|registry_add|registry_delete|registry_rename', 'T1112:0.3', 'registry events record registry changes', 'log source: windows registry_set'),
  entry('log-source', 'create_remote_thread', 'T1055:0.4', 'remote thread creation is the mechanism of many injection methods', 'log source: windows create_remote_thread'),
  entry('log-source', 'process_access', 'T1003.001:0.2 T1055:0.1', 'process access events mostly serve to catch LSASS reads and injection', 'log source: windows process_access'),
  entry('log-source', 'pipe_created', 'T1021.002:0.1 T1559:0.1', 'named pipes connect processes locally and over SMB', 'log source: windows pipe_created'),
  entry('log-source', 'wmi_event|wmi-activity', 'T1546.003:0.5', 'WMI event logs record WMI subscriptions', 'log source: windows wmi_event'),
  entry('log-source', 'bits-client', 'T1197:0.6', 'the BITS client log records BITS jobs', 'log source: windows bits-client'),
  entry('log-source', 'firewall-as|windows firewall with advanced security', 'T1562.004:0.4', 'the firewall log records firewall rule changes', 'log source: windows firewall-as'),
  entry('log-source', 'windefend|microsoft-windows-windows defender', 'T1562.001:0.3', 'the Defender log records protection changes and detections', 'log source: windows windefend'),
  entry('log-source', 'taskscheduler|microsoft-windows-taskscheduler', 'T1053.005:0.4', 'the Task Scheduler log records task changes', 'log source: windows taskscheduler'),
  entry('log-source', 'terminalservices-localsessionmanager|terminalservices-remoteconnectionmanager|rdp log', 'T1021.001:0.4', 'Terminal Services logs record RDP sessions', 'log source: windows terminalservices-localsessionmanager'),
  entry('log-source', 'smbclient|smbserver|smb_files|zeek smb', 'T1021.002:0.3', 'SMB logs record share access', 'log source: zeek smb_files'),
  entry('log-source', 'dns-client|dns_query|dns server|dnsserver|zeek dns', 'T1071.004:0.15', 'DNS logs record name lookups', 'log source: windows dns_query'),
  entry('log-source', 'proxy|zeek http|squid|bluecoat', 'T1071.001:0.25', 'proxy logs record web requests', 'log source: proxy'),
  entry('log-source', 'cloudtrail|aws', 'T1078.004:0.1', 'CloudTrail records AWS account activity', 'log source: aws cloudtrail'),
  entry('log-source', 'signinlogs|riskdetection|identity protection', 'T1078.004:0.3', 'sign-in logs record authentication to cloud accounts', 'log source: azure signinlogs'),
  entry('log-source', 'auditlogs|activitylogs|m365|office 365|okta|google workspace|gcp.audit', 'T1098:0.1 T1078.004:0.1', 'cloud audit logs record account and configuration changes', 'log source: azure auditlogs'),
  entry('log-source', 'sshd|auth.log|secure log', 'T1021.004:0.2 T1110:0.2', 'sshd and auth logs record SSH logins', 'log source: linux sshd'),
  entry('log-source', 'msexchange-management|exchange management', 'T1114:0.3', 'the Exchange management log records mailbox changes', 'log source: windows msexchange-management'),
  entry('log-source', 'kubernetes audit|kube-apiserver|k8s audit', 'T1609:0.1 T1613:0.1', 'the Kubernetes audit log records API calls on the cluster', 'log source: kubernetes audit'),
  entry('log-source', 'driver_load', 'T1543.003:0.2 T1068:0.2 T1014:0.1', 'driver loads are how kernel code and vulnerable drivers arrive', 'log source: windows driver_load'),
  entry('log-source', 'file_delete|file_block_executable', 'T1070.004:0.3', 'file deletion events record removed files', 'log source: windows file_delete'),
  entry('log-source', 'antivirus|edr|av detection', 'T1204.002:0.1', 'antivirus detections record malware found on the host', 'log source: antivirus'),
];
