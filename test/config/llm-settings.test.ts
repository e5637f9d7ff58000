import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readEnvironment } from '../../src/config/environment.js';
import { resolveBackendName, resolveLlmSettings } from '../../src/config/llm-settings.js';
import { loadEnvironment } from '../../src/config/load-environment.js';
import { InputError } from '../../src/errors/input-error.js';

const key = 'sk-settings-test-5d1e2f3a4b';

describe('resolveLlmSettings', () => {
  it('uses the defaults', () => {
    const settings = resolveLlmSettings(readEnvironment({}));

    expect(settings).toMatchObject({ provider: 'openai', temperature: 0, timeoutMs: 60_000, retries: 3, stream: false, responseFormat: 'auto', promptTokens: 3000, redact: 'auto', promptVersion: 'analysis-v1' });
    expect(settings.model).toBeUndefined();
  });

  it('reads the environment', () => {
    const environment = readEnvironment({ IDS_EXPLAIN_MODEL: 'llama3.1', OPENAI_BASE_URL: 'http://localhost:11434/v1', IDS_EXPLAIN_TEMPERATURE: '0.3', IDS_EXPLAIN_TIMEOUT: '90', IDS_EXPLAIN_RETRIES: '5', IDS_EXPLAIN_STREAM: 'yes', IDS_EXPLAIN_REDACT: 'true' });
    const settings = resolveLlmSettings(environment);

    expect(settings).toMatchObject({ model: 'llama3.1', baseUrl: 'http://localhost:11434/v1', temperature: 0.3, timeoutMs: 90_000, retries: 5, stream: true, redact: 'on' });
  });

  it('lets flags win over the environment', () => {
    const environment = readEnvironment({ IDS_EXPLAIN_MODEL: 'env-model', IDS_EXPLAIN_RETRIES: '5', IDS_EXPLAIN_REDACT: 'on' });
    const settings = resolveLlmSettings(environment, { model: 'flag-model', retries: '1', redact: false });

    expect(settings).toMatchObject({ model: 'flag-model', retries: 1, redact: 'off' });
  });

  it('treats blank values as unset', () => {
    const settings = resolveLlmSettings(readEnvironment({ IDS_EXPLAIN_MODEL: '  ', IDS_EXPLAIN_RETRIES: '', OPENAI_API_KEY: ' ' }), { model: '' });

    expect(settings.model).toBeUndefined();
    expect(settings.retries).toBe(3);
    expect(settings.apiKey).toBeUndefined();
  });

  it('reads the output token limit', () => {
    expect(resolveLlmSettings(readEnvironment({})).maxOutputTokens).toBe(4096);
    expect(resolveLlmSettings(readEnvironment({ IDS_EXPLAIN_MAX_OUTPUT_TOKENS: '2000' })).maxOutputTokens).toBe(2000);
    expect(resolveLlmSettings(readEnvironment({ IDS_EXPLAIN_MAX_OUTPUT_TOKENS: '2000' }), { maxOutputTokens: '6000' }).maxOutputTokens).toBe(6000);
  });

  it('rejects an output token limit below 256', () => {
    expect(() => resolveLlmSettings(readEnvironment({}), { maxOutputTokens: '100' })).toThrow(/invalid --max-output-tokens "100": expected a whole number from 256 to 128000/);
  });

  it('names the flag and the variable of an invalid value', () => {
    expect(() => resolveLlmSettings(readEnvironment({}), { temperature: '3' })).toThrow(InputError);
    expect(() => resolveLlmSettings(readEnvironment({}), { temperature: '3' })).toThrow(/invalid --temperature "3"/);
    expect(() => readEnvironment({ IDS_EXPLAIN_RETRIES: 'many' })).toThrow(/IDS_EXPLAIN_RETRIES="many"/);
  });

  it('never shows the API key', () => {
    const settings = resolveLlmSettings(readEnvironment({ OPENAI_API_KEY: key }));

    expect(settings.apiKey?.reveal()).toBe(key);
    expect(JSON.stringify(settings)).not.toContain(key);
    expect(inspect(settings)).not.toContain(key);
    expect(`${settings.apiKey}`).toBe('[redacted]');
  });
});

describe('resolveBackendName', () => {
  it('stays offline without a model', () => {
    const environment = readEnvironment({});
    expect(resolveBackendName(undefined, environment, resolveLlmSettings(environment))).toBe('offline');
  });

  it('picks openai when a model is set', () => {
    const environment = readEnvironment({ IDS_EXPLAIN_MODEL: 'gpt-4o-mini' });
    expect(resolveBackendName(undefined, environment, resolveLlmSettings(environment))).toBe('openai');
  });

  it('lets the flag and variable choose', () => {
    const environment = readEnvironment({ IDS_EXPLAIN_MODEL: 'gpt-4o-mini', IDS_EXPLAIN_BACKEND: 'replay' });
    const settings = resolveLlmSettings(environment);
    expect(resolveBackendName(undefined, environment, settings)).toBe('replay');
    expect(resolveBackendName('offline', environment, settings)).toBe('offline');
  });
});

describe('loadEnvironment', () => {
  it('reads .env with the environment winning', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ids-explain-env-'));
    writeFileSync(join(folder, '.env'), 'IDS_EXPLAIN_MODEL=from-file\nOPENAI_API_KEY="sk-file-key-123456"\n');
    const merged = loadEnvironment(folder, { IDS_EXPLAIN_MODEL: 'from-environment' });

    expect(merged.IDS_EXPLAIN_MODEL).toBe('from-environment');
    expect(merged.OPENAI_API_KEY).toBe('sk-file-key-123456');
  });

  it('accepts a folder without .env', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ids-explain-env-'));
    expect(loadEnvironment(folder, { A: '1' })).toEqual({ A: '1' });
  });
});
