import type { Endpoint } from './alert-schema.js';
import { FieldReader } from './field-reader.js';
import { flattenJson } from './flatten-json.js';
import { isJsonObject } from './json-record.js';
import { makeEndpoint } from './make-endpoint.js';
import { windowsEventFamily, windowsEventTitles } from './windows-event-titles.js';

/** Fields of a Windows event record, read from any of the common JSON layouts. */
export interface WindowsEventReading {
  eventId: number;
  provider?: string;
  channel?: string;
  /** Computer that wrote the event. */
  computer?: string;
  /** Windows' own title for the event ID, when it is a known one. */
  title?: string;
  message?: string;
  time?: string;
  source: Endpoint;
  destination: Endpoint;
  users: string[];
  /** Command and account of a scheduled task, from the task XML of events 4698 and 4702. */
  taskLines: string[];
  /** The record's fields, with the ones read above marked used. */
  fields: FieldReader;
}

// evtx_dump and Chainsaw write attributes as "#attributes" or "<name>_attributes";
// xmltodict writes "@Name"; Winlogbeat and PowerShell use flat names.
const paths = {
  eventId: ['Event.System.EventID', 'Event.System.EventID.#text', 'Event.System.EventID.value', 'System.EventID', 'EventID', 'EventId', 'event_id', 'winlog.event_id', 'Id'],
  provider: ['Event.System.Provider.#attributes.Name', 'Event.System.Provider_attributes.Name', 'Event.System.Provider.@Name', 'Event.System.Provider.Name', 'System.Provider.Name', 'ProviderName', 'Provider', 'provider', 'winlog.provider_name', 'SourceName'],
  channel: ['Event.System.Channel', 'System.Channel', 'Channel', 'LogName', 'channel', 'winlog.channel'],
  computer: ['Event.System.Computer', 'System.Computer', 'Computer', 'MachineName', 'computer', 'winlog.computer_name', 'Hostname'],
  time: ['Event.System.TimeCreated.#attributes.SystemTime', 'Event.System.TimeCreated_attributes.SystemTime', 'Event.System.TimeCreated.@SystemTime', 'Event.System.TimeCreated.SystemTime', 'System.TimeCreated.SystemTime', 'TimeCreated', 'TimeGenerated', 'SystemTime', '@timestamp', 'timestamp'],
  message: ['Message', 'message', 'RenderedMessage'],
};
const dataPrefixes = ['Event.EventData.', 'EventData.', 'event_data.', 'winlog.event_data.', 'Event.UserData.', 'UserData.'];

/** Turns EventData "Data" arrays of {Name, text} pairs into an object keyed by name. */
function nameEventData(object: Record<string, unknown>): Record<string, unknown> {
  const event = isJsonObject(object.Event) ? object.Event : undefined;
  const data = event && isJsonObject(event.EventData) ? event.EventData.Data : undefined;
  if (!Array.isArray(data) || !data.every(isJsonObject)) return object;
  const pairs: [string, unknown][] = [];
  for (const item of data as Record<string, unknown>[]) {
    const name = item['@Name'] ?? item.Name ?? item['#attributes'];
    const value = item['#text'] ?? item.Value ?? item.value ?? '';
    if (typeof name === 'string') pairs.push([name, value]);
  }
  // fromEntries defines own properties, so a Data item named "__proto__" stays a field.
  const named = Object.fromEntries(pairs);
  return { ...object, Event: { ...event, EventData: named } };
}

function dataValue(fields: FieldReader, ...names: string[]): string | undefined {
  const value = fields.text(...names.flatMap((name) => dataPrefixes.map((prefix) => `${prefix}${name}`)));
  return value === undefined || value === '-' ? undefined : value;
}

function dataPort(fields: FieldReader, ...names: string[]): number | undefined {
  return fields.port(...names.flatMap((name) => dataPrefixes.map((prefix) => `${prefix}${name}`)));
}

function account(domain: string | undefined, user: string | undefined): string | undefined {
  if (!user) return undefined;
  return domain && !user.includes('\\') ? `${domain}\\${user}` : user;
}

function readUsers(fields: FieldReader): string[] {
  const subject = account(dataValue(fields, 'SubjectDomainName'), dataValue(fields, 'SubjectUserName'));
  const target = account(dataValue(fields, 'TargetDomainName'), dataValue(fields, 'TargetUserName'));
  const other = dataValue(fields, 'User', 'UserName', 'AccountName');
  return [...new Set([subject, target, other].filter((name): name is string => Boolean(name)))];
}

/**
 * Reads the endpoints. Sysmon network events name both sides. Other events happened on the
 * computer that logged them, so it is the destination, and a client address is the source.
 */
function readEndpoints(fields: FieldReader, computer: string | undefined): { source: Endpoint; destination: Endpoint } {
  const remoteAddress = dataValue(fields, 'DestinationIp');
  if (remoteAddress) {
    return {
      source: makeEndpoint({ address: dataValue(fields, 'SourceIp'), port: dataPort(fields, 'SourcePort'), host: dataValue(fields, 'SourceHostname') ?? computer }),
      destination: makeEndpoint({ address: remoteAddress, port: dataPort(fields, 'DestinationPort'), host: dataValue(fields, 'DestinationHostname') }),
    };
  }
  return {
    source: makeEndpoint({
      address: dataValue(fields, 'IpAddress', 'SourceAddress', 'SourceIp', 'ClientAddress', 'ClientIPAddress'),
      port: dataPort(fields, 'IpPort', 'SourcePort'),
      host: dataValue(fields, 'WorkstationName', 'SourceHostname', 'ClientName'),
    }),
    destination: makeEndpoint({ host: computer }),
  };
}

function readTaskLines(fields: FieldReader): string[] {
  const xml = dataValue(fields, 'TaskContent', 'TaskContentNew');
  if (!xml) return [];
  const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]?.trim();
  const command = [tag('Command'), tag('Arguments')].filter(Boolean).join(' ');
  const lines = command ? [`Task runs: ${command}`] : [];
  const runAs = tag('UserId');
  if (runAs) lines.push(`Task runs as: ${runAs}`);
  return lines;
}

/** Tells whether a JSON object is a Windows event record in one of the layouts read here. */
export function looksLikeWindowsEvent(object: Record<string, unknown>): boolean {
  const event = isJsonObject(object.Event) ? object.Event : undefined;
  if (event && isJsonObject(event.System)) return true;
  const winlog = isJsonObject(object.winlog) ? object.winlog : undefined;
  if (winlog && 'event_id' in winlog) return true;
  const hasId = 'EventID' in object || 'EventId' in object || 'Id' in object;
  return hasId && ('ProviderName' in object || 'Provider' in object || 'Channel' in object || 'LogName' in object || 'MachineName' in object);
}

/**
 * Reads a Windows event record (evtx_dump, Chainsaw, xmltodict, Winlogbeat or PowerShell
 * ConvertTo-Json layout). Returns undefined when the record has no numeric event ID.
 */
export function readWindowsEvent(object: Record<string, unknown>): WindowsEventReading | undefined {
  const fields = new FieldReader(flattenJson(nameEventData(object)));
  const eventId = fields.number(...paths.eventId);
  if (eventId === undefined || !Number.isInteger(eventId)) return undefined;
  const computer = fields.text(...paths.computer);
  const reading: WindowsEventReading = { eventId, ...readEndpoints(fields, computer), users: [], taskLines: [], fields };
  const optional = { provider: fields.text(...paths.provider), channel: fields.text(...paths.channel), computer, message: fields.text(...paths.message), time: fields.text(...paths.time) };
  for (const [key, value] of Object.entries(optional)) if (value) (reading as unknown as Record<string, string>)[key] = value;
  const family = windowsEventFamily(reading.provider, reading.channel);
  const title = family ? windowsEventTitles[family]?.[eventId] : undefined;
  if (title) reading.title = title;
  reading.users = readUsers(fields);
  reading.taskLines = readTaskLines(fields);
  return reading;
}
