import { existsSync, readFileSync } from 'node:fs';

let packageRoot: URL | undefined;

function namesThisPackage(manifest: URL): boolean {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'ids-explain';
  } catch {
    return false;
  }
}

function findPackageRoot(): URL {
  let folder = new URL('.', import.meta.url);
  for (;;) {
    const manifest = new URL('package.json', folder);
    if (existsSync(manifest) && namesThisPackage(manifest)) return folder;
    const parent = new URL('..', folder);
    if (parent.href === folder.href) break;
    folder = parent;
  }
  throw new Error(`no ids-explain package.json found in any folder above ${import.meta.url}; reinstall ids-explain`);
}

/**
 * Returns the URL of a file or folder in the ids-explain package, such as "prompts/" or
 * "package.json". The package folder is the nearest one above this module whose package.json
 * names ids-explain. A search, unlike a fixed "../..", finds it from the sources, the compiled
 * files and the bundled CLI alike, whose modules sit at different depths.
 * Throws when no such folder exists, which means that the installation is incomplete.
 */
export function packageFile(relativePath: string): URL {
  packageRoot ??= findPackageRoot();
  return new URL(relativePath, packageRoot);
}
