import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleUrl, downloadAttack } from '../../src/attack/download-attack.js';
import { silentLogger } from '../../src/logging/logger.js';
import { tinyBundle } from '../support/tiny-bundle.js';

const routes = new Map<string, { status: number; body: string }>();
const requested: string[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    requested.push(request.url ?? '');
    const route = routes.get(request.url ?? '') ?? { status: 404, body: 'not found' };
    response.writeHead(route.status, { 'content-type': 'application/json' });
    response.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/stix`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function dataDir(): string {
  return mkdtempSync(join(tmpdir(), 'ids-explain-download-'));
}

function serve(path: string, body: string, status = 200): void {
  routes.set(path, { status, body });
}

describe('bundleUrl', () => {
  it('addresses the newest release', () => {
    expect(bundleUrl('https://example.org/data/', 'ics-attack')).toBe('https://example.org/data/ics-attack/ics-attack.json');
  });

  it('addresses a named release', () => {
    expect(bundleUrl('https://example.org/data', 'enterprise-attack', '18.1')).toBe('https://example.org/data/enterprise-attack/enterprise-attack-18.1.json');
  });
});

describe('downloadAttack', () => {
  it('stores a complete bundle', async () => {
    serve('/stix/enterprise-attack/enterprise-attack-18.1.json', JSON.stringify(tinyBundle({ stixVersion: '2.1' })));
    const folder = dataDir();
    const [bundle] = await downloadAttack({ domains: ['enterprise-attack'], release: '18.1', baseUrl, dataDir: folder, logger: silentLogger });
    expect(bundle?.version).toBe('18.1');
    expect(JSON.parse(readFileSync(join(folder, 'attack', 'enterprise-attack.json'), 'utf8')).type).toBe('bundle');
  });

  it('records what it downloaded', async () => {
    serve('/stix/enterprise-attack/enterprise-attack.json', JSON.stringify(tinyBundle({ stixVersion: '2.1' })));
    const folder = dataDir();
    await downloadAttack({ domains: ['enterprise-attack'], baseUrl, dataDir: folder, logger: silentLogger });
    const record = JSON.parse(readFileSync(join(folder, 'attack', 'downloads.json'), 'utf8'));
    expect(record.bundles[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the old copy when the download is truncated', async () => {
    const folder = dataDir();
    mkdirSync(join(folder, 'attack'));
    writeFileSync(join(folder, 'attack', 'enterprise-attack.json'), 'old copy');
    serve('/stix/enterprise-attack/enterprise-attack.json', JSON.stringify(tinyBundle({ stixVersion: '2.1' })).slice(0, 500));
    const run = downloadAttack({ domains: ['enterprise-attack'], baseUrl, dataDir: folder, logger: silentLogger });
    await expect(run).rejects.toThrow(/not valid JSON/);
    expect(readFileSync(join(folder, 'attack', 'enterprise-attack.json'), 'utf8')).toBe('old copy');
  });

  it('rejects JSON that is not an ATT&CK bundle', async () => {
    serve('/stix/mobile-attack/mobile-attack.json', '{"type": "bundle", "objects": []}');
    const folder = dataDir();
    const run = downloadAttack({ domains: ['mobile-attack'], baseUrl, dataDir: folder, logger: silentLogger });
    await expect(run).rejects.toThrow(/without ATT&CK content/);
    expect(existsSync(join(folder, 'attack', 'mobile-attack.json'))).toBe(false);
  });

  it('rejects a bundle of another domain', async () => {
    serve('/stix/ics-attack/ics-attack.json', JSON.stringify(tinyBundle({ stixVersion: '2.1' })));
    const run = downloadAttack({ domains: ['ics-attack'], baseUrl, dataDir: dataDir(), logger: silentLogger });
    await expect(run).rejects.toThrow(/contains enterprise-attack objects, not ics-attack/);
  });

  it('explains an HTTP 404', async () => {
    const run = downloadAttack({ domains: ['enterprise-attack'], release: '99.9', baseUrl, dataDir: dataDir(), logger: silentLogger });
    await expect(run).rejects.toThrow(/failed with HTTP 404/);
  });

  it('rejects a malformed release before any request', async () => {
    const before = requested.length;
    const run = downloadAttack({ domains: ['enterprise-attack'], release: '../../etc', baseUrl, dataDir: dataDir(), logger: silentLogger });
    await expect(run).rejects.toThrow(/invalid --release/);
    expect(requested.length).toBe(before);
  });

  it('reports an unreachable server', async () => {
    const run = downloadAttack({ domains: ['enterprise-attack'], baseUrl: 'http://127.0.0.1:9/none', dataDir: dataDir(), logger: silentLogger });
    await expect(run).rejects.toThrow(/download of http:\/\/127\.0\.0\.1:9\/none\/enterprise-attack\/enterprise-attack\.json failed/);
  });
});
