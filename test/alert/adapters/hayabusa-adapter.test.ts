import { describe, expect, it } from 'vitest';
import { parseError, parseSample } from '../../support/parse-sample.js';

const header = 'Timestamp,RuleTitle,Level,Computer,Channel,EventID,MitreTactics,MitreTags,OtherTags,RecordID,Details,ExtraFieldInfo,RuleID';
const row =
  '2026-03-14 08:15:30.120 +09:00,Logon Failure (Wrong Password),low,dc-01.example.org,Sec,4625,CredAccess ¦ InitAccess,T1110.001,,90211,"Type: 3 - NETWORK ¦ TgtUser: 佐藤 ¦ SrcComp: LAPTOP-7 ¦ SrcIP: 192.0.2.77 ¦ LID: -",Status: 0xc000006d,35b8cfd5-0000-4000-8000-000000000002';

describe('hayabusaAdapter', () => {
  it('reads a CSV timeline row', () => {
    const alert = parseSample(`${header}\n${row}\n`);
    expect(alert.format).toBe('hayabusa');
    expect(alert.description).toBe('Logon Failure (Wrong Password)');
    expect(alert.severityLevel).toBe('low');
    expect(alert.ruleId).toBe('35b8cfd5-0000-4000-8000-000000000002');
    expect(alert.destination).toEqual({ host: 'dc-01.example.org' });
    expect(alert.source).toEqual({ address: '192.0.2.77', host: 'LAPTOP-7', user: '佐藤' });
  });

  it('converts the +09:00 offset across the date boundary', () => {
    const alert = parseSample(`${header}\n${row.replace('2026-03-14 08:15:30.120', '2026-03-14 02:15:30.120')}`);
    expect(alert.timestamp).toBe('2026-03-13T17:15:30.120Z');
  });

  it('splits tags and expands tactic abbreviations', () => {
    const alert = parseSample(`${header}\n${row}`);
    expect(alert.attackIds).toEqual(['T1110.001']);
    expect(alert.attackTactics).toEqual(['Credential Access', 'Initial Access']);
    expect(alert.raw.MitreTactics).toBe('CredAccess ¦ InitAccess');
  });

  it('keeps the details pairs as lines', () => {
    const alert = parseSample(`${header}\n${row}`);
    expect(alert.details).toContain('Details.Type: 3 - NETWORK');
    expect(alert.details).toContain('ExtraFieldInfo.Status: 0xc000006d');
  });

  it('reads a JSON timeline record', () => {
    const record = { Timestamp: '2026-03-14 08:15:30.120 +00:00', RuleTitle: 'Scheduled Task Created', Level: 'med', Computer: 'ws-9.example.org', EventID: 4698, MitreTactics: ['Persis'], MitreTags: ['T1053.005'], Details: { TaskName: '\\Updater', User: 'EXAMPLE\\r.ito' } };
    const alert = parseSample(JSON.stringify(record));
    expect(alert.format).toBe('hayabusa');
    expect(alert.severityLevel).toBe('medium');
    expect(alert.attackTactics).toEqual(['Persistence']);
    expect(alert.source.user).toBe('EXAMPLE\\r.ito');
    expect(alert.details).toContain('Details.TaskName: \\Updater');
  });

  it('rejects a row with a missing column', () => {
    const short = row.slice(0, row.lastIndexOf(','));
    expect(parseError(`${header}\n${short}`).message).toBe('sample: the Hayabusa CSV row has 12 fields but the header names 13');
  });

  it('rejects a quote that is never closed', () => {
    const cut = row.slice(0, row.indexOf('LID'));
    expect(parseError(`${header}\n${cut}`).message).toBe('sample: the CSV quote opened on line 2 is never closed');
  });

  it('rejects several rows', () => {
    expect(parseError(`${header}\n${row}\n${row}`).message).toBe('sample: the Hayabusa CSV timeline has 2 detections; "explain" reads one');
  });
});
