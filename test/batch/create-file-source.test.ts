import { mkdirSync, mkdtempSync, writeFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { SourceItem } from '../../src/batch/alert-source.js';
import { createFileSource } from '../../src/batch/create-file-source.js';

function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'ids-explain-source-'));
}

async function collect(source: ReturnType<typeof createFileSource>): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of source.items()) items.push(item);
  return items;
}

describe('createFileSource', () => {
  it('reads JSON Lines with line positions', async () => {
    const folder = temporaryFolder();
    const file = join(folder, 'queue.jsonl');
    writeFileSync(file, '{"description":"a"}\n{"description":"b"}\n');
    const items = await collect(createFileSource({ inputs: [file] }));
    expect(items).toEqual([
      { position: { file, line: 1 }, text: '{"description":"a"}' },
      { position: { file, line: 2 }, text: '{"description":"b"}' },
    ]);
  });

  it('reads JSON Lines written as UTF-16 with a byte order mark', async () => {
    const folder = temporaryFolder();
    const file = join(folder, 'queue.jsonl');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"description":"ä"}\r\n{"description":"b"}\r\n', 'utf16le')]));
    const items = await collect(createFileSource({ inputs: [file] }));
    expect(items).toEqual([
      { position: { file, line: 1 }, text: '{"description":"ä"}' },
      { position: { file, line: 2 }, text: '{"description":"b"}' },
    ]);
  });

  it('names the file when a forced array layout does not fit', async () => {
    const folder = temporaryFolder();
    const file = join(folder, 'queue.jsonl');
    writeFileSync(file, '{"description":"a"}\n');
    await expect(collect(createFileSource({ inputs: [file], layout: 'array' }))).rejects.toThrow(`${file}: expected a JSON array, found "{" first`);
  });

  it('reads a JSON array with element indexes', async () => {
    const folder = temporaryFolder();
    const file = join(folder, 'queue.json');
    writeFileSync(file, '[\n {"description":"a"},\n {"description":"b"}\n]\n');
    const items = await collect(createFileSource({ inputs: [file] }));
    expect(items.map((item) => item.position)).toEqual([
      { file, index: 0 },
      { file, index: 1 },
    ]);
  });

  it('reads each file of a folder as one alert', async () => {
    const folder = temporaryFolder();
    mkdirSync(join(folder, 'nested'));
    writeFileSync(join(folder, 'b.txt'), 'Description: second\nSource IP: 10.0.0.2\n');
    writeFileSync(join(folder, 'nested', 'c.json'), '{\n  "description": "third"\n}\n');
    writeFileSync(join(folder, 'a.txt'), 'Description: first\nSource IP: 10.0.0.1\n');
    writeFileSync(join(folder, '.hidden'), 'ignored');
    const items = await collect(createFileSource({ inputs: [folder] }));
    expect(items.map((item) => item.position.file)).toEqual([join(folder, 'a.txt'), join(folder, 'b.txt'), join(folder, 'nested', 'c.json')]);
    expect(items.map((item) => ('text' in item ? item.text.split('\n')[0] : ''))).toEqual(['Description: first', 'Description: second', '{']);
  });

  it('reads standard input by line', async () => {
    const stdin = Readable.from([Buffer.from('Description: one; Source IP: 10.0.0.1\nDescription: two')]);
    const items = await collect(createFileSource({ inputs: ['-'], stdin }));
    expect(items).toEqual([
      { position: { file: 'stdin', line: 1 }, text: 'Description: one; Source IP: 10.0.0.1' },
      { position: { file: 'stdin', line: 2 }, text: 'Description: two' },
    ]);
  });

  it('puts the Zeek header before each data line', async () => {
    const folder = temporaryFolder();
    const file = join(folder, 'notice.log');
    writeFileSync(file, '#separator \\x09\n#fields\tts\tmsg\n#types\ttime\tstring\n1.0\tfirst\n2.0\tsecond\n#close\t2026\n');
    const items = await collect(createFileSource({ inputs: [file] }));
    expect(items).toEqual([
      { position: { file, line: 4 }, text: '#separator \\x09\n#fields\tts\tmsg\n#types\ttime\tstring\n1.0\tfirst' },
      { position: { file, line: 5 }, text: '#separator \\x09\n#fields\tts\tmsg\n#types\ttime\tstring\n2.0\tsecond' },
    ]);
  });

  it('turns an oversized line into an error item', async () => {
    const folder = temporaryFolder();
    const file = join(folder, 'queue.jsonl');
    writeFileSync(file, `{"description":"${'x'.repeat(3000)}"}\n{"description":"small"}\n`);
    const items = await collect(createFileSource({ inputs: [file], maxAlertBytes: 1024 }));
    const [oversized] = items;
    if (!oversized || !('error' in oversized)) throw new Error('expected an error item first');
    expect(oversized.error.message).toMatch(/queue\.jsonl:1: the alert is 0\.0 MB, more than the 0\.0 MB limit/);
    expect(items[1]).toEqual({ position: { file, line: 2 }, text: '{"description":"small"}' });
  });

  it('reports the total size for progress', async () => {
    const folder = temporaryFolder();
    const file = join(folder, 'queue.jsonl');
    writeFileSync(file, 'a\nb\n');
    const source = createFileSource({ inputs: [file] });
    await collect(source);
    expect(source.progress()).toEqual({ bytesRead: 4, totalBytes: 4 });
  });

  it('rejects a missing path before reading', () => {
    expect(() => createFileSource({ inputs: ['/nonexistent/alerts.jsonl'] })).toThrow('cannot read /nonexistent/alerts.jsonl: no such file or folder');
  });

  it('streams a huge JSON array in bounded memory', async () => {
    const folder = temporaryFolder();
    const file = join(folder, 'huge.json');
    const elements = 250_000;
    const output = createWriteStream(file);
    output.write('[');
    for (let index = 0; index < elements; index += 1) {
      const element = `${index === 0 ? '' : ','}{"description":"Repeated inbound RDP connection attempts ${index}","src_ip":"198.51.100.${index % 250}","padding":"${'p'.repeat(300)}"}`;
      if (!output.write(element)) await once(output, 'drain');
    }
    output.end(']');
    await once(output, 'finish');

    global.gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let count = 0;
    for await (const item of createFileSource({ inputs: [file] }).items()) {
      count += 1;
      if ('error' in item) throw item.error;
      if (count % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(count).toBe(elements);
    // The file is about 95 MB; holding it would add far more than this to the heap.
    expect(peak - baseline).toBeLessThan(48 * 1024 * 1024);
  });
});
