import { describe, expect, it } from 'vitest';
import { offlineBackend } from '../../src/backends/offline-backend.js';
import type { ExplanationBackend } from '../../src/backends/explanation-backend.js';
import { explainAlert } from '../../src/explain/explain-alert.js';
import type { TechniqueMapper } from '../../src/mapping/technique-mapping.js';
import { readFixtureAlert } from '../support/explain-fixture.js';
import { realAttackIndex, realMapper } from '../support/real-attack.js';

describe('explainAlert with a gate', () => {
  it('maps and drafts inside the gate', async () => {
    const events: string[] = [];
    const mapper: TechniqueMapper = {
      ...realMapper(),
      map: (alert, options) => {
        events.push('map');
        return realMapper().map(alert, options);
      },
    };
    const backend: ExplanationBackend = {
      ...offlineBackend,
      draft: async (request) => {
        events.push('draft');
        return offlineBackend.draft(request);
      },
    };
    const gate = async <T>(step: () => Promise<T>): Promise<T> => {
      events.push('enter');
      const result = await step();
      events.push('leave');
      return result;
    };
    const explanation = await explainAlert({ alert: readFixtureAlert('atsvc-remote-task.txt'), index: realAttackIndex(), mapper, backend, gate });
    events.push('explained');
    expect(events).toEqual(['enter', 'map', 'draft', 'leave', 'explained']);
    expect(explanation.techniques[0]?.id).toBe('T1053.002');
  });
});
