import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Each test worker gets its own cache and data folders, so tests never touch the user's.
process.env.IDS_EXPLAIN_CACHE_DIR ??= mkdtempSync(join(tmpdir(), 'ids-explain-test-cache-'));
process.env.IDS_EXPLAIN_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'ids-explain-test-data-'));
process.env.OPENAI_API_KEY ??= 'sk-test-not-a-real-key';
process.env.NO_COLOR = '1';
