import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAlert } from '../../src/alert/parse-alert.js';
import type { Alert } from '../../src/alert/alert-schema.js';
import { offlineBackend } from '../../src/backends/offline-backend.js';
import { explainAlert } from '../../src/explain/explain-alert.js';
import type { Explanation } from '../../src/explanation/explanation-schema.js';
import { realAttackIndex, realMapper, repositoryRoot } from './real-attack.js';

/** Reads an alert fixture from `fixtures/alerts/` by its relative path. */
export function readFixtureAlert(relativePath: string): Alert {
  const path = join(repositoryRoot, 'fixtures/alerts', relativePath);
  return parseAlert(readFileSync(path, 'utf8'), { origin: path });
}

/** Explains a fixture alert with the offline backend on the real ATT&CK release at a fixed time. */
export async function explainFixture(relativePath: string): Promise<{ alert: Alert; explanation: Explanation }> {
  const alert = readFixtureAlert(relativePath);
  const explanation = await explainAlert({
    alert,
    index: realAttackIndex(),
    mapper: realMapper(),
    backend: offlineBackend,
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  return { alert, explanation };
}
