import { InputError } from '../../errors/input-error.js';
import type { AlertDraft } from '../alert-schema.js';
import { jsonValueOf, type AlertInput } from '../alert-input.js';
import { applyTimestamp } from '../apply-timestamp.js';
import { detailLines } from '../detail-lines.js';
import { firstJsonObject, markTruncated, readJsonRecord } from '../json-record.js';
import { looksLikeWindowsEvent, readWindowsEvent, type WindowsEventReading } from '../read-windows-event.js';
import type { AlertAdapter } from './alert-adapter.js';

const contextFirst = ['Event.EventData', 'EventData', 'winlog.event_data', 'event_data', 'Event.UserData'];

function describeEvent(event: WindowsEventReading): string {
  const firstMessageLine = event.message?.split(/\r?\n/)[0]?.trim();
  const base = event.title ?? firstMessageLine ?? `Windows event ${event.eventId}${event.provider ? ` from ${event.provider}` : ''}.`;
  return `${base.replace(/\.$/, '')} (event ${event.eventId}).`;
}

/**
 * Fills a draft from a Windows event: endpoints, accounts and the time, which is the event's
 * own unless `time` is given. Shared by the adapters whose records carry a Windows event.
 */
export function applyWindowsEvent(draft: AlertDraft, event: WindowsEventReading, referenceTime: Date, time = event.time): void {
  draft.source = event.source;
  draft.destination = event.destination;
  draft.users = [...new Set([...(draft.users ?? []), ...event.users])];
  if (event.users[0] && !draft.source.user) draft.source.user = event.users[0];
  applyTimestamp(draft, time, referenceTime);
}

/** Windows event records in JSON: evtx_dump, xmltodict, Winlogbeat or PowerShell layouts. */
export const windowsEventAdapter: AlertAdapter = {
  name: 'windows-event',
  label: 'Windows event record in JSON (EventID, provider, EventData)',

  detect(input: AlertInput): number {
    const object = firstJsonObject(jsonValueOf(input));
    if (!object || Object.keys(object).some((key) => key.startsWith('kibana.alert'))) return 0;
    return looksLikeWindowsEvent(object) ? 0.85 : 0;
  },

  parse(input: AlertInput): AlertDraft {
    const { object, truncation } = readJsonRecord(input);
    const event = readWindowsEvent(object);
    if (!event) {
      throw new InputError(`${input.origin}: the Windows event record has no numeric event ID`, {
        hint: 'Pass the record with its EventID (Event.System.EventID in evtx JSON)',
      });
    }
    const draft: AlertDraft = {
      format: 'windows-event',
      description: describeEvent(event),
      raw: object,
      sensor: event.provider ?? 'Windows event log',
      originalLog: event.channel ? `the ${event.channel} event log` : 'the Windows event log',
      notes: [],
    };
    applyWindowsEvent(draft, event, input.referenceTime);
    markTruncated(draft, truncation);
    const lead = [...event.taskLines, ...(event.title && event.message ? [event.message] : [])];
    const details = detailLines({ entries: event.fields.unused(), notes: draft.notes!, first: contextFirst, lead });
    if (details) draft.details = details;
    return draft;
  },
};
