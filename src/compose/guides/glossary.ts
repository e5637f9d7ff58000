/**
 * Technical terms that alerts use, each with a plain explanation written by us. Patterns match
 * whole words, case-insensitively.
 */
export interface GlossaryEntry {
  term: string;
  patterns: string[];
  meaning: string;
}

export const glossary: GlossaryEntry[] = [
  { term: 'named pipe', patterns: ['named pipe', 'namedpipe', 'pipe'], meaning: 'a channel that Windows programs use to talk to each other, also between computers' },
  { term: 'RPC', patterns: ['rpc', 'msrpc', 'dcerpc', 'remote procedure call'], meaning: 'a way for one computer to ask another to run a function (remote procedure call)' },
  { term: 'SMB', patterns: ['smb', 'smb2', 'cifs'], meaning: 'the Windows file-sharing protocol' },
  { term: 'IPC$', patterns: ['ipc$'], meaning: 'a hidden Windows share used to send commands between computers' },
  { term: 'admin share', patterns: ['admin$', 'c$', 'admin share', 'administrative share'], meaning: 'a hidden Windows share that gives administrators access to a whole disk' },
  { term: 'ATSVC', patterns: ['atsvc'], meaning: 'the Windows service interface behind the old "at" task scheduler' },
  { term: 'at.exe', patterns: ['at.exe'], meaning: 'an old Windows command that schedules programs to run at a set time' },
  { term: 'scheduled task', patterns: ['scheduled task', 'task scheduler', 'schtasks'], meaning: 'a program that Windows runs by itself at a set time or event' },
  { term: 'cron', patterns: ['cron', 'crontab'], meaning: 'the Linux and Unix tool that runs programs on a schedule' },
  { term: 'service account', patterns: ['service account'], meaning: 'an account used by software rather than by a person, often with wide rights' },
  { term: 'TCP', patterns: ['tcp'], meaning: 'the basic way computers set up a connection to exchange data' },
  { term: 'UDP', patterns: ['udp'], meaning: 'a simple way to send data between computers without a set-up step' },
  { term: 'port', patterns: ['port', 'dest_port', 'src_port'], meaning: 'a numbered door on a computer that a network service listens on' },
  { term: 'DNS', patterns: ['dns'], meaning: 'the internet\'s phone book, which turns names into addresses' },
  { term: 'HTTP', patterns: ['http'], meaning: 'the protocol web browsers and web servers use' },
  { term: 'TLS', patterns: ['tls', 'ssl', 'https'], meaning: 'the encryption that protects web and other traffic' },
  { term: 'SNI', patterns: ['sni'], meaning: 'the website name a computer sends when it opens an encrypted connection' },
  { term: 'SSH', patterns: ['ssh', 'sshd'], meaning: 'a protocol for logging in to another computer\'s command line over the network' },
  { term: 'RDP', patterns: ['rdp', 'remote desktop'], meaning: 'a Windows feature (Remote Desktop) that lets someone use another computer\'s screen over the network' },
  { term: 'user agent', patterns: ['user-agent', 'user agent', 'http_user_agent', 'useragent'], meaning: 'the name a program sends to a web server to say what it is; the sender can write anything there' },
  { term: 'URI', patterns: ['uri', 'url'], meaning: 'the address of a page or resource on a web server' },
  { term: 'SQL injection', patterns: ['sql injection', 'sqli', 'union select'], meaning: 'an attack that slips database commands into a web form or address to read or change the database' },
  { term: 'C2', patterns: ['c2', 'command and control', 'cnc', 'c&c'], meaning: 'the server an attacker uses to steer infected computers (command and control)' },
  { term: 'beacon', patterns: ['beacon', 'beaconing', 'check-in'], meaning: 'regular "I am here" messages from an infected computer to its control server' },
  { term: 'brute force', patterns: ['brute force', 'bruteforce', 'password guessing'], meaning: 'trying many passwords until one works' },
  { term: 'exploit', patterns: ['exploit', 'exploitation'], meaning: 'a way of abusing a software flaw to make a program do something it should not' },
  { term: 'CVE', patterns: ['cve'], meaning: 'the public catalogue number of a known software flaw' },
  { term: 'payload', patterns: ['payload'], meaning: 'the harmful part of an attack, such as the code it tries to run' },
  { term: 'LSASS', patterns: ['lsass'], meaning: 'the Windows process that holds logged-in users\' password secrets' },
  { term: 'PowerShell', patterns: ['powershell'], meaning: 'a powerful Windows command and scripting tool' },
  { term: 'WMI', patterns: ['wmi', 'wmic'], meaning: 'a Windows feature for managing computers remotely (Windows Management Instrumentation)' },
  { term: 'registry', patterns: ['registry', 'hklm', 'hkcu'], meaning: 'the Windows settings database' },
  { term: 'Kerberos', patterns: ['kerberos'], meaning: 'the system Windows domains use to check logins and hand out access tickets' },
  { term: 'exfiltration', patterns: ['exfiltration', 'exfiltrate'], meaning: 'the copying of data out of the network by an attacker' },
  { term: 'malware', patterns: ['malware', 'trojan'], meaning: 'harmful software' },
  { term: 'phishing', patterns: ['phishing'], meaning: 'fake messages that trick people into opening harmful files or giving away passwords' },
  { term: 'proxy', patterns: ['proxy'], meaning: 'a go-between system that forwards traffic' },
  { term: 'VPN', patterns: ['vpn'], meaning: 'a protected tunnel into the company network' },
  { term: 'event 4698', patterns: ['4698'], meaning: 'the Windows log entry written when a scheduled task is created' },
  { term: 'event 5145', patterns: ['5145'], meaning: 'the Windows log entry written when a network share object is accessed' },
  { term: 'event 4625', patterns: ['4625'], meaning: 'the Windows log entry written when a login fails' },
  { term: 'event 7045', patterns: ['7045'], meaning: 'the Windows log entry written when a new service is installed' },
];
