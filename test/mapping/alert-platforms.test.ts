import { describe, expect, it } from 'vitest';
import { alertPlatforms } from '../../src/mapping/alert-platforms.js';
import { lexiconWords } from '../../src/mapping/tokenize.js';

describe('alertPlatforms', () => {
  it('names Windows for a Windows log source', () => {
    expect([...alertPlatforms(lexiconWords('log source: windows process_creation'))]).toEqual(['Windows']);
  });

  it('names cloud platforms for Azure', () => {
    expect([...alertPlatforms(lexiconWords('log source: azure signinlogs'))].sort()).toEqual(['IaaS', 'Identity Provider']);
  });

  it('returns nothing for network alerts', () => {
    expect(alertPlatforms(lexiconWords('ET MALWARE beacon over HTTP')).size).toBe(0);
  });
});
