/**
 * Field names that sensors, SIEMs and people use for each part of an alert, written in the
 * normalised form of normalizeFieldName. The first matching field wins, so order matters.
 */
export const fieldAliases = {
  description: [
    'description', 'desc', 'ruledescription', 'alertdescription', 'signature', 'alertsignature',
    'message', 'msg', 'alertmessage', 'summary', 'eventdescription', 'title', 'ruletitle',
    'alertname', 'detection', 'detectionname', 'alert', 'rulename', 'name',
  ],
  ruleName: ['rulename', 'ruletitle', 'rule', 'signaturename', 'detectionname', 'alertname', 'name', 'title'],
  ruleId: ['ruleid', 'sid', 'signatureid', 'alertsignatureid', 'ruleuuid', 'detectionid', 'signature_id'],
  sourceAddress: [
    'sourceip', 'srcip', 'sourceaddress', 'srcaddr', 'srcaddress', 'sourceipaddress', 'attackerip',
    'clientip', 'originip', 'ipsrc', 'saddr', 'src', 'source', 'sourceipv4', 'remoteip', 'callerip',
  ],
  sourcePort: ['sourceport', 'srcport', 'sport', 'clientport', 'sourceportnumber'],
  destinationAddress: [
    'destinationip', 'destip', 'dstip', 'destinationaddress', 'dstaddr', 'destaddr',
    'destinationipaddress', 'targetip', 'serverip', 'victimip', 'ipdst', 'daddr', 'dst', 'dest',
    'destination', 'target', 'hostip', 'agentip', 'localip',
  ],
  destinationPort: ['destinationport', 'destport', 'dstport', 'dport', 'targetport', 'serverport', 'port'],
  sourceHost: ['sourcehost', 'sourcehostname', 'srchost', 'srchostname', 'clienthost', 'clienthostname', 'workstationname', 'workstation'],
  destinationHost: [
    'destinationhost', 'destinationhostname', 'desthost', 'dsthost', 'dsthostname', 'targethost',
    'targethostname', 'hostname', 'host', 'computer', 'computername', 'devicename', 'agentname',
    'servername', 'fqdn',
  ],
  user: [
    'user', 'username', 'account', 'accountname', 'subjectuser', 'subjectusername', 'targetuser',
    'targetusername', 'srcuser', 'dstuser', 'useraccount', 'login', 'actor',
  ],
  protocol: ['protocol', 'proto', 'transport', 'appproto', 'applicationprotocol', 'networkprotocol', 'service', 'networktransport'],
  timestamp: [
    'timestamp', 'time', 'datetime', 'eventtime', 'ts', 'timegenerated', 'detectedat', 'createdat',
    'eventcreated', 'occurredat', 'date', 'firstseen', 'starttime', 'utctime', 'systemtime',
  ],
  severity: ['severity', 'priority', 'level', 'risk', 'riskscore', 'severitylevel', 'alertseverity', 'rulelevel'],
  sensor: ['sensor', 'product', 'engine', 'tool', 'device', 'sensorname', 'observer', 'vendor', 'source_product', 'sourceproduct', 'detector'],
  category: ['category', 'classification', 'class', 'alertcategory', 'rulecategory', 'classtype'],
  attackIds: [
    'mitre', 'mitreattack', 'attack', 'attackid', 'attackids', 'techniqueid', 'techniqueids',
    'technique', 'techniques', 'mitretechnique', 'mitretechniqueid', 'mitreid', 'tags', 'tag',
    'techniqueref', 'techniqueurl', 'techniquecode', 'attcktechnique', 'attacktechnique',
    'attacktechniques', 'threattechniqueid', 'mitretechniques',
  ],
  attackTactics: ['tactic', 'tactics', 'mitretactic', 'mitretactics', 'mitretacticname', 'mitretacticid', 'attacktactic', 'killchainphase'],
  details: [
    'details', 'additionaldetails', 'detail', 'additionalinfo', 'additionalinformation', 'info',
    'notes', 'note', 'context', 'payload', 'extra', 'comment', 'comments', 'fulllog', 'rawlog', 'log',
    'eventdata', 'evidence',
  ],
} as const;

export type AlertFieldName = keyof typeof fieldAliases;

/** Lowercases a field name and drops everything but letters and digits ("Source IP" gives "sourceip"). */
export function normalizeFieldName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const fieldByAlias = new Map<string, { field: AlertFieldName; rank: number }[]>();
for (const [field, aliases] of Object.entries(fieldAliases) as [AlertFieldName, readonly string[]][]) {
  aliases.forEach((alias, rank) => {
    const key = normalizeFieldName(alias);
    const entries = fieldByAlias.get(key) ?? [];
    entries.push({ field, rank });
    fieldByAlias.set(key, entries);
  });
}

/** Lists the alert fields a normalised input name can fill, each with its priority rank. */
export function alertFieldsFor(normalizedName: string): { field: AlertFieldName; rank: number }[] {
  return fieldByAlias.get(normalizedName) ?? [];
}
