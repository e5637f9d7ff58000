import { homedir } from 'node:os';
import { join } from 'node:path';

type Environment = Record<string, string | undefined>;

function nonBlank(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value : undefined;
}

/**
 * Returns the folder where ids-explain keeps downloaded ATT&CK bundles:
 * `IDS_EXPLAIN_DATA_DIR`, else the platform's user data folder (`$XDG_DATA_HOME/ids-explain`
 * or `~/.local/share/ids-explain` on Linux).
 */
export function userDataDir(env: Environment = process.env, platform = process.platform): string {
  const explicit = nonBlank(env.IDS_EXPLAIN_DATA_DIR);
  if (explicit) return explicit;
  const home = nonBlank(env.HOME) ?? homedir();
  if (platform === 'win32') {
    return join(nonBlank(env.LOCALAPPDATA) ?? join(home, 'AppData', 'Local'), 'ids-explain', 'Data');
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'ids-explain');
  return join(nonBlank(env.XDG_DATA_HOME) ?? join(home, '.local', 'share'), 'ids-explain');
}

/**
 * Returns the folder for derived, re-creatable files such as the compact ATT&CK index:
 * `IDS_EXPLAIN_CACHE_DIR`, else the platform's user cache folder (`$XDG_CACHE_HOME/ids-explain`
 * or `~/.cache/ids-explain` on Linux).
 */
export function userCacheDir(env: Environment = process.env, platform = process.platform): string {
  const explicit = nonBlank(env.IDS_EXPLAIN_CACHE_DIR);
  if (explicit) return explicit;
  const home = nonBlank(env.HOME) ?? homedir();
  if (platform === 'win32') {
    return join(nonBlank(env.LOCALAPPDATA) ?? join(home, 'AppData', 'Local'), 'ids-explain', 'Cache');
  }
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'ids-explain');
  return join(nonBlank(env.XDG_CACHE_HOME) ?? join(home, '.cache'), 'ids-explain');
}
