import { readFile } from 'node:fs/promises';
import { ChatPromptTemplate, PromptTemplate } from '@langchain/core/prompts';
import { InputError } from '../errors/input-error.js';
import { packageFile } from '../util/package-file.js';

/** Name of the analysis template used when none is configured. */
export const defaultPromptVersion = 'analysis-v1';

/** Versioned analysis template: chat messages for the draft and the repair request. */
export interface PromptTemplateSet {
  /** Version recorded in `metadata.promptVersion`, such as "analysis-v1". */
  version: string;
  chat: ChatPromptTemplate;
  repair: PromptTemplate;
}

/** Folder of the versioned templates, beside `src` and `dist` in the package. */
export const promptsFolder = packageFile('prompts/');

function templateFolder(version: string): URL {
  const match = /^([a-z]+)-(v\d+)$/.exec(version);
  if (!match) {
    throw new InputError(`invalid prompt version "${version}"`, { hint: `Use a name such as ${defaultPromptVersion}` });
  }
  return new URL(`${match[1]}/${match[2]}/`, promptsFolder);
}

async function readTemplate(folder: URL, name: string, version: string): Promise<string> {
  try {
    return await readFile(new URL(name, folder), 'utf8');
  } catch (error) {
    throw new InputError(`prompt template ${version} has no ${name} (looked in ${folder.pathname})`, {
      hint: `Use an existing version such as ${defaultPromptVersion}`,
      cause: error,
    });
  }
}

/**
 * Loads a versioned template from `prompts/<name>/<vN>/`: `system.md` and `user.md` make the
 * chat prompt, `repair.md` the follow-up for an invalid answer. Templates use mustache
 * variables. Throws InputError when the version or a file is missing.
 */
export async function loadPromptTemplate(version = defaultPromptVersion): Promise<PromptTemplateSet> {
  const folder = templateFolder(version);
  const [system, user, repair] = await Promise.all(
    ['system.md', 'user.md', 'repair.md'].map((name) => readTemplate(folder, name, version)),
  );
  const chat = ChatPromptTemplate.fromMessages(
    [
      ['system', system!.trim()],
      ['human', user!.trim()],
    ],
    { templateFormat: 'mustache' },
  );
  return { version, chat, repair: PromptTemplate.fromTemplate(repair!.trim(), { templateFormat: 'mustache' }) };
}
