import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.js';
import { LlmRequestError } from '../../src/errors/llm-request-error.js';
import { fingerprintAlert } from '../../src/explain/fingerprint-alert.js';
import { recordResponses } from '../../src/llm/record-responses.js';
import { createReplayBackend } from '../../src/llm/replay-backend.js';
import { defaultReplayFolder, loadRecordings } from '../../src/llm/replay-recordings.js';
import { silentLogger } from '../../src/logging/logger.js';
import { explainWith, readAlert, testLlmSettings, testOpenAiBackend } from '../support/llm-harness.js';
import { useOpenAiCompatibleServer } from '../support/openai-compatible-server.js';
import { realAttackIndex, realMapper, repositoryRoot } from '../support/real-attack.js';

const testServer = useOpenAiCompatibleServer();

function replaySettings(replayDir = defaultReplayFolder) {
  return testLlmSettings(testServer(), { replayDir });
}

async function replay(alertPath: string) {
  return explainWith(readAlert(alertPath), await createReplayBackend({ settings: replaySettings() }));
}

describe('replay recordings', async () => {
  const index = await loadRecordings(defaultReplayFolder);
  const { recordings } = index;

  it('covers the reference alert, five cases and three hostile alerts by hand', () => {
    const handWritten = recordings.filter((recording) => recording.source === 'hand-written');
    expect(handWritten.filter((recording) => recording.case).map((recording) => recording.case)).toEqual(['01', '02', '08', '12', '14']);
    expect(handWritten.filter((recording) => recording.alert?.includes('/injection/'))).toHaveLength(3);
    expect(handWritten.some((recording) => recording.alert === 'fixtures/alerts/atsvc-remote-task.txt')).toBe(true);
  });

  it('says that no model wrote any recording', () => {
    expect(recordings.filter((recording) => recording.source === 'recorded')).toEqual([]);
    expect(new Set(recordings.map((recording) => recording.model))).toEqual(new Set(['hand-written', 'scripted']));
  });

  // A failure after an adapter change means the fingerprints need refreshing: the recordings
  // still match by description, but the fingerprint is the documented key.
  it.each(recordings.filter((recording) => !recording.file.endsWith('-baseline.json')).map((recording) => [recording.alert!, recording] as const))(
    '%s is found by its alert fingerprint',
    (alert, recording) => {
      const parsed = readAlert(alert);
      expect(existsSync(join(repositoryRoot, alert))).toBe(true);
      expect(fingerprintAlert(parsed)).toBe(recording.fingerprint);
      expect(index.find(parsed, fingerprintAlert(parsed))).toBe(recording);
    },
  );
});

describe('replay backend', () => {
  it('says the answer was written by hand', async () => {
    const explanation = await replay('fixtures/alerts/atsvc-remote-task.txt');

    expect(explanation.metadata.backend).toBe('replay');
    expect(explanation.metadata.model).toBe('hand-written');
    expect(explanation.metadata.notes).toContain('the model answer was written by hand in the shape a model returns; no model produced it (replay recording reference-atsvc-remote-task.json)');
    expect(explanation.metadata.promptTokens).toBe(2436);
    expect(explanation.metadata.grounding).toBeUndefined();
  });

  it('grounds a hallucinated ID and an invented address', async () => {
    const explanation = await replay('fixtures/alerts/cases/01-atsvc-remote-task-kv.txt');

    expect(explanation.techniques.map((technique) => technique.id)).toEqual(['T1053.002', 'T1053.005']);
    expect(explanation.metadata.grounding).toEqual([
      'removed technique T1543.003: neither the mapper nor the alert proposed it',
      'removed a sentence in the interpretation stating 10.20.1.99, which the alert does not contain',
    ]);
  });

  it('rewrites a fenced answer with a wrong URL', async () => {
    const explanation = await replay('fixtures/alerts/cases/02-suricata-eve-mitre-c2.json');

    expect(explanation.techniques[0]).toMatchObject({ id: 'T1071.001', name: 'Application Layer Protocol: Web Protocols', url: 'https://attack.mitre.org/techniques/T1071/001/' });
  });

  it('repairs a cut-off answer from the recording', async () => {
    const explanation = await replay('fixtures/alerts/cases/08-wazuh-sshd-bruteforce.json');

    expect(explanation.metadata.fallbackReason).toBeUndefined();
    expect(explanation.metadata.promptTokens).toBe(2610 + 3890);
    expect(explanation.techniques.map((technique) => technique.id)).toEqual(['T1110.001', 'T1110']);
  });

  it('replaces an answer that obeyed the planted text', async () => {
    const explanation = await replay('fixtures/alerts/cases/12-prompt-injection-user-agent.json');

    expect(explanation.metadata.fallbackReason).toContain("followed instructions planted in the alert's User-Agent");
    expect(JSON.stringify({ ...explanation, metadata: undefined })).not.toMatch(/benign|false positive|T9001/i);
    expect(explanation.techniques.map((technique) => technique.id)).toContain('T1190');
  });

  it('replaces a paraphrased quote and an unlinked mitigation', async () => {
    const explanation = await replay('fixtures/alerts/cases/14-sigma-tag-formats.json');

    const quote = explanation.techniques[0]!.attackQuote;
    expect(quote).not.toBe('Attackers often use the Windows Task Scheduler to run their malware whenever a user logs on.');
    expect(realAttackIndex().isVerbatimQuote('T1053.005', quote)).toBe(true);
    expect(explanation.mitigations.longTerm.map((item) => item.mitigation?.id)).toEqual(['M1018']);
  });

  it('rejects an alert without a recording', async () => {
    const backend = await createReplayBackend({ settings: replaySettings() });

    await expect(explainWith(readAlert('fixtures/alerts/injection/05-dns-query-hyphenated.json'), backend)).rejects.toThrow(InputError);
  });

  it('rejects a recording that lacks the repair answer', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ids-explain-replay-'));
    const alert = readAlert('fixtures/alerts/atsvc-remote-task.txt');
    const recording = { fingerprint: fingerprintAlert(alert), description: alert.description, source: 'hand-written', model: 'hand-written', promptVersion: 'analysis-v1', responses: [{ content: 'not json' }] };
    writeFileSync(join(folder, 'one.json'), JSON.stringify(recording));
    const backend = await createReplayBackend({ settings: replaySettings(folder) });

    await expect(explainWith(alert, backend)).rejects.toThrow(LlmRequestError);
  });
});

describe('recordResponses', () => {
  it('writes recordings that replay to the live result', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ids-explain-record-'));
    const path = join(repositoryRoot, 'fixtures/alerts/cases/08-wazuh-sshd-bruteforce.json');
    const alert = readAlert('fixtures/alerts/cases/08-wazuh-sshd-bruteforce.json');
    const [written] = await recordResponses({ alerts: [{ alert, path }], outDir: folder, settings: testLlmSettings(testServer()), index: realAttackIndex(), mapper: realMapper(), maxTechniques: 3, logger: silentLogger, caseId: '08' });

    const recording = JSON.parse(readFileSync(written!, 'utf8'));
    expect(recording).toMatchObject({ fingerprint: fingerprintAlert(alert), case: '08', source: 'recorded', model: 'test-model', redacted: false });
    const live = await explainWith(alert, await testOpenAiBackend(testServer()));
    const replayed = await explainWith(alert, await createReplayBackend({ settings: replaySettings(folder) }));
    expect({ ...replayed, metadata: undefined }).toEqual({ ...live, metadata: undefined });
  });
});
