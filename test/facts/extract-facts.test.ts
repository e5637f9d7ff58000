import { describe, expect, it } from 'vitest';
import { extractFacts, ipv6Matches, type Facts } from '../../src/facts/extract-facts.js';
import { randomTexts } from '../support/random-texts.js';

const none: Facts = { addresses: [], hosts: [], accounts: [], ports: [], dates: [], times: [] };

describe('extractFacts', () => {
  it.each<[string, Partial<Facts>]>([
    [
      'Remote task creation from 192.0.2.4 to 10.2.2.10 over port 445 at 2024-07-01T19:20:15Z',
      { addresses: ['192.0.2.4', '10.2.2.10'], ports: [445], dates: ['2024-07-01'], times: ['19:20:15'] },
    ],
    ['Connection to 10.0.0.8:8080 and tcp/3389, UDP 53, dport=22', { addresses: ['10.0.0.8'], ports: [8080, 3389, 53, 22] }],
    ['Logon by CORP\\jdoe and carol@example.com on dc02.corp.example.com', { hosts: ['dc02.corp.example.com'], accounts: ['CORP\\jdoe', 'carol@example.com'] }],
    ['Peer 2001:db8:85a3:0:0:8a2e:370:7334 at 02:05:46; the clock read 25:61', { addresses: ['2001:db8:85a3:0:0:8a2e:370:7334'], times: ['02:05:46'] }],
    ['Registry key HKLM\\Software\\Run changed on ws-014.corp.example.com', { hosts: ['ws-014.corp.example.com'] }],
    ['hosts fe80::1, 2001:db8::7 and ab:cd:ef', { addresses: ['ab:cd:ef'] }],
    ['Counters 1:2:3:4:5 and 10.0.0.1:443 then 12:30', { addresses: ['10.0.0.1', '1:2:3:4:5'], ports: [443], times: ['12:30'] }],
    ['Date 2024-07-01 and 2024-7-1 at 7:05', { dates: ['2024-07-01'] }],
    [
      'Peer FE80:0:0:0:ABCD:1:2:3 and 0:1:2:3:4 logged in to WEB01.CORP.EXAMPLE.COM',
      { addresses: ['fe80:0:0:0:abcd:1:2:3', '0:1:2:3:4'], hosts: ['WEB01.CORP.EXAMPLE.COM'] },
    ],
    ['event.id: 357791115\nrule.severity: medium\nhost.name: web-03.example.org', { hosts: ['web-03.example.org'] }],
    ['x.community and a.co-op and b.io.', { hosts: ['b.io'] }],
    ['Build 1.2.3-4 shipped 12:3', {}],
    ['Nothing concrete here, only words.', {}],
  ])('finds the facts in %j', (text, expected) => {
    expect(extractFacts(text)).toEqual({ ...none, ...expected });
  });
});

describe('ipv6Matches', () => {
  // The pattern that ipv6Matches replaces, as extractFacts ran it before.
  const reference = /(?<![\w:])(?:[0-9a-f]{1,4}:){1,7}(?::|[0-9a-f]{1,4})(?::[0-9a-f]{1,4}){0,6}(?![\w:])/gi;

  /** Pieces that start, end, extend or break IPv6 runs. */
  const pieces = ['0', '7', 'a', 'F', 'db8', 'ffff', '12345', ':', '::', ' ', '.', '-', '_', 'g', 'Z', '/', '[', ']', '\n', 'fe80', '10.0.0.1'];

  it('finds what the regular expression finds', () => {
    const texts = [...randomTexts({ pieces, count: 20_000, seed: 11, maxPieces: 24 }), 'x 2001:db8::7 y', 'fe80::1', 'a:b', '_a:b', 'a:b_', '1:2:3:4:5:6:7:8:9', ':1:2', '1:2:'];

    const differing = texts.filter((text) => JSON.stringify(ipv6Matches(text)) !== JSON.stringify(text.match(reference) ?? []));

    expect(differing).toEqual([]);
  });
});
