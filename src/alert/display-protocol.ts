const protocolNames: Record<string, string> = {
  dcerpc: 'DCE/RPC',
  dhcp: 'DHCP',
  dnp3: 'DNP3',
  dns: 'DNS',
  enip: 'EtherNet/IP',
  ftp: 'FTP',
  'ftp-data': 'FTP',
  http: 'HTTP',
  http2: 'HTTP/2',
  ike: 'IKE',
  imap: 'IMAP',
  krb5: 'Kerberos',
  kerberos: 'Kerberos',
  ldap: 'LDAP',
  modbus: 'Modbus',
  mqtt: 'MQTT',
  netbios: 'NetBIOS',
  nfs: 'NFS',
  ntp: 'NTP',
  pgsql: 'PostgreSQL',
  pop3: 'POP3',
  quic: 'QUIC',
  rdp: 'RDP',
  rfb: 'VNC (RFB)',
  sip: 'SIP',
  smb: 'SMB',
  smtp: 'SMTP',
  snmp: 'SNMP',
  ssh: 'SSH',
  ssl: 'TLS',
  telnet: 'Telnet',
  tftp: 'TFTP',
  tls: 'TLS',
  websocket: 'WebSocket',
};

/**
 * Returns the usual spelling of an application protocol that sensors write as a lower-case
 * identifier ("http", "krb5", "ssl"), or the name upper-cased when it is not a known one.
 * Returns undefined for the placeholders "failed", "unknown" and "-".
 */
export function displayProtocol(name: string | undefined): string | undefined {
  const key = name?.trim().toLowerCase();
  if (!key || key === 'failed' || key === 'unknown' || key === '-') return undefined;
  // Own keys only, so that input such as "constructor" is not read from Object.prototype.
  const known = Object.hasOwn(protocolNames, key) ? protocolNames[key] : undefined;
  return known ?? name!.trim().toUpperCase();
}
