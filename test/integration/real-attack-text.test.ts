import { describe, expect, it } from 'vitest';
import { realAttackIndex } from '../support/real-attack.js';

describe('ATT&CK v18.1 text after cleaning', () => {
  it('keeps the space before .NET in T1053.005', () => {
    expect(realAttackIndex().technique('T1053.005')?.description).toContain('adversaries have used a .NET wrapper for the Windows Task Scheduler');
  });

  it('offers the .NET sentence of T1053.005 as a verbatim quote', () => {
    const sentence = 'In some cases, adversaries have used a .NET wrapper for the Windows Task Scheduler, and alternatively, adversaries have used the Windows netapi32 library and Windows Management Instrumentation (WMI) to create a scheduled task.';
    expect(realAttackIndex().isVerbatimQuote('T1053.005', sentence)).toBe(true);
  });
});
