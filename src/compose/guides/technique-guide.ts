/**
 * Plain-language guidance for common techniques, written by us. A sub-technique entry wins
 * over its parent's. `plain` completes "It looks like someone tried to ..."; immediate actions
 * use `{source}`, `{target}` and `{account}` from the alert.
 */
export interface TechniqueGuide {
  plain: string;
  immediate: string[];
}

export const techniqueGuides: Record<string, TechniqueGuide> = {
  T1053: {
    plain: 'set up a scheduled task, a program set to run later or repeatedly, on {target}',
    immediate: [
      'List the scheduled tasks on {target} and disable any that nobody can explain, keeping a copy for the investigation.',
    ],
  },
  'T1053.002': {
    plain: 'use the old Windows "at" scheduler from another computer to make {target} run a program',
    immediate: [
      'List the scheduled tasks on {target} (including old "At" jobs) and disable any that nobody can explain, keeping a copy for the investigation.',
      'Check which program or script the new task runs, and keep that file for analysis.',
    ],
  },
  'T1053.005': {
    plain: 'create a Windows scheduled task so that a program runs on {target} later or at each logon',
    immediate: [
      'Open the Task Scheduler on {target}, export the new task and disable it if nobody can explain it.',
      'Check the program that the task runs and keep a copy for analysis.',
    ],
  },
  'T1053.003': {
    plain: 'add a cron job so that a program runs on {target} on a schedule',
    immediate: ['Review the crontab files on {target} and remove entries that nobody can explain.'],
  },
  T1110: {
    plain: 'get into an account on {target} by trying many passwords',
    immediate: [
      'Block {source} at the firewall if it has no business reaching {target}.',
      'Check the login records of {target} for any successful login from {source}.',
    ],
  },
  'T1110.003': {
    plain: 'get into accounts on {target} by trying a few common passwords against many accounts',
    immediate: [
      'Block {source} at the firewall if it has no business reaching {target}.',
      'Check for successful logins from {source} and reset the passwords of any account it reached.',
    ],
  },
  T1071: {
    plain: 'let a program on {source} keep in touch with an outside control server',
    immediate: [
      'Isolate {source} from the network, or watch it closely, until it has been checked for malware.',
      'Block the outside server {target} at the firewall or web proxy.',
    ],
  },
  T1190: {
    plain: 'break into the public service on {target} by sending it a crafted request',
    immediate: [
      'Check the logs of the application on {target} for other requests from {source} and whether any of them succeeded.',
      'Block {source} at the firewall or web application firewall.',
    ],
  },
  T1021: {
    plain: 'log in to {target} remotely from {source}',
    immediate: [
      'Confirm with the owner of {source} whether this remote connection to {target} was planned.',
      'If it was not planned, disconnect the session and reset the password of the account used.',
    ],
  },
  'T1021.001': {
    plain: 'reach {target} through Remote Desktop, which gives full control of its screen',
    immediate: [
      'Block {source} from reaching Remote Desktop on {target}.',
      'Check {target} for successful Remote Desktop logins from {source}.',
    ],
  },
  'T1021.002': {
    plain: 'reach {target} through its Windows file-sharing admin shares',
    immediate: ['Check which account connected from {source} to the admin shares of {target}, and whether that was planned.'],
  },
  'T1021.004': {
    plain: 'log in to {target} over SSH, a remote command-line connection',
    immediate: ['Check the SSH logs of {target} for successful logins from {source}.'],
  },
  T1059: {
    plain: 'run commands or scripts on {target}',
    immediate: ['Find the command that ran on {target}, who started it and what it changed.'],
  },
  T1003: {
    plain: 'copy the stored passwords of users who logged in to {target}',
    immediate: [
      'Isolate {target} from the network.',
      'Reset the passwords of every account that recently logged in to {target}, administrators first.',
    ],
  },
  T1566: {
    plain: 'trick a user into opening a harmful email, attachment or link',
    immediate: ['Remove the message from all mailboxes and check who opened it or clicked its link.'],
  },
  T1486: {
    plain: 'lock the files on {target} with encryption to demand a ransom',
    immediate: [
      'Disconnect {target} from the network at once to stop the encryption spreading.',
      'Do not pay or delete anything; call your incident response contact.',
    ],
  },
  T1490: {
    plain: 'delete backups and restore points on {target} so that it cannot be recovered',
    immediate: ['Disconnect {target} from the network and check that your offline backups are intact.'],
  },
  T1046: {
    plain: 'scan {target} to find which network services it offers',
    immediate: ['Block {source} at the firewall if it is outside your network or has no reason to scan.'],
  },
  T1505: {
    plain: 'plant a hidden remote-control script on the server {target}',
    immediate: ['Look for new or changed script files in the web folders of {target} and keep copies for analysis.'],
  },
  T1569: {
    plain: 'start a program on {target} as a Windows service',
    immediate: ['List recently created services on {target} and stop any that nobody can explain.'],
  },
  T1543: {
    plain: 'install a new service on {target} that starts automatically',
    immediate: ['List recently created services on {target} and stop any that nobody can explain.'],
  },
  T1047: {
    plain: 'run commands on {target} through Windows Management Instrumentation, a remote administration feature',
    immediate: ['Find the command that ran on {target} and which account sent it.'],
  },
  T1105: {
    plain: 'download extra tools onto {target}',
    immediate: ['Find the downloaded file on {target}, keep a copy, and block the address it came from.'],
  },
  T1078: {
    plain: 'log in with a real account that they should not control',
    immediate: ['Confirm with the owner of {account} whether this login was theirs; if not, reset the password and end its sessions.'],
  },
  T1133: {
    plain: 'get in through a remote access service such as a VPN or Remote Desktop on {target}',
    immediate: ['Check the remote access logs for successful logins from {source}.'],
  },
  T1036: {
    plain: 'disguise a harmful program as a normal one',
    immediate: ['Check the disguised file and where it came from, and keep a copy for analysis.'],
  },
  T1498: {
    plain: 'overload {target} with traffic so that it stops responding',
    immediate: ['Ask your internet provider or DDoS protection service to filter traffic from {source}.'],
  },
  T1499: {
    plain: 'overload {target} so that its service stops responding',
    immediate: ['Filter traffic from {source} and check that the service on {target} still responds.'],
  },
  T1562: {
    plain: 'turn off or weaken security tools on {target}',
    immediate: ['Turn the security tools on {target} back on and check what else changed.'],
  },
  T1070: {
    plain: 'erase logs or other traces of their activity on {target}',
    immediate: ['Collect the remaining logs of {target} from your central log store before more are lost.'],
  },
  T1547: {
    plain: 'make a program start automatically when {target} boots or a user logs on',
    immediate: ['Review start-up entries on {target} and remove any that nobody can explain.'],
  },
  T1041: {
    plain: 'send data out of the network over an existing connection',
    immediate: ['Block the destination {target} and find out what data left {source}.'],
  },
  T1048: {
    plain: 'send data out of the network over an unusual protocol',
    immediate: ['Block the destination {target} and find out what data left {source}.'],
  },
  T1572: {
    plain: 'hide other traffic inside an allowed protocol to slip past filters',
    immediate: ['Block the outside endpoint {target} and check {source} for tunnelling tools.'],
  },
  T1090: {
    plain: 'relay their traffic through another system to hide where it comes from',
    immediate: ['Check {source} for proxy or relay software that nobody installed on purpose.'],
  },
  T1568: {
    plain: 'find their control server through changing domain names',
    immediate: ['Block the domain or address {target} and check {source} for malware.'],
  },
  T1189: {
    plain: 'infect a computer through a website that a user visited',
    immediate: ['Check {source} for malware and block the website {target}.'],
  },
  T1204: {
    plain: 'get a user to run a harmful file or link',
    immediate: ['Find the file or link the user opened and check the computer for malware.'],
  },
  T1557: {
    plain: 'place themselves between two systems to read or change their traffic',
    immediate: ['Check network devices near {target} for unexpected changes, and reset credentials sent during the attack.'],
  },
  T1558: {
    plain: 'steal or forge Kerberos tickets, the passes Windows uses for logins',
    immediate: ['Reset the passwords of the affected service accounts and check for unusual ticket requests.'],
  },
  T1550: {
    plain: 'log in with stolen login tokens instead of a password',
    immediate: ['End the sessions of the affected account and reset its password.'],
  },
  T1055: {
    plain: 'hide their code inside another running program on {target}',
    immediate: ['Isolate {target} and have it checked for malware.'],
  },
  T1567: {
    plain: 'copy data from {source} to an outside web or cloud storage service',
    immediate: ['Find out what data left {source} and block the service {target} until that is known.'],
  },
  T1595: {
    plain: 'scan {target} from outside to find open services and weak spots',
    immediate: ['Block {source} at the firewall and check that {target} offers only the services it needs.'],
  },
  T1548: {
    plain: 'get around the Windows prompt that asks before a program gets administrator rights',
    immediate: ['Isolate {target} and find out which program gained administrator rights.'],
  },
  T1136: {
    plain: 'create a new account on {target} to keep a way back in',
    immediate: ['Disable the new account on {target} and find out who created it.'],
  },
  T1069: {
    plain: 'list the groups and administrators of your network to find targets',
    immediate: ['Find out who ran the command on {target} and whether that person needed to.'],
  },
  T1087: {
    plain: 'list the accounts of your network to find targets',
    immediate: ['Find out who ran the command on {target} and whether that person needed to.'],
  },
  T1560: {
    plain: 'pack data into an archive on {target}, often just before taking it',
    immediate: ['Keep a copy of the archive on {target} and check where it was sent.'],
  },
  T1027: {
    plain: 'hide a harmful file or command by scrambling it',
    immediate: ['Decode the hidden content and check what it does.'],
  },
  T1218: {
    plain: 'use a trusted Windows program to run harmful code on {target}',
    immediate: ['Find what the trusted program ran on {target} and keep a copy of it.'],
  },
};
