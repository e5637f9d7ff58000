/**
 * Technique ID spellings seen in sensor output, Sigma tags and SIEM exports: `T1053.002`,
 * `t1053.002`, `T1053/002`, `t1053_002`, `T1053-002`, `attack.t1053.002`, `T1053.2`, and ATT&CK
 * technique URLs. The sub-technique part has up to three digits and is zero-padded.
 */
const bareIdPattern = /^(?:(?:mitre[._-]?)?attack[._:-])?t(\d{4})(?:[./_-](\d{1,3}))?$/i;
const urlPattern = /attack\.mitre\.org\/techniques\/(T\d{4})(?:\/(\d{1,3}))?/i;
const embeddedIdPattern =
  /(?:https?:\/\/attack\.mitre\.org\/techniques\/T\d{4}(?:\/\d{1,3})?\/?)|(?<![\w./-])(?:(?:mitre[._-]?)?attack[._:-])?t\d{4}(?:[./_-]\d{1,3}(?![\d]))?(?![\w])/gi;

function canonical(base: string, sub: string | undefined): string {
  const parent = `T${base}`;
  return sub === undefined ? parent : `${parent}.${sub.padStart(3, '0')}`;
}

/**
 * Returns the canonical form (`T1053` or `T1053.002`) of a technique ID written in any common
 * spelling, or undefined when the text is not a technique ID. It does not check that the ID
 * exists in any ATT&CK release.
 */
export function normalizeTechniqueId(text: string): string | undefined {
  const trimmed = text.trim();
  const url = urlPattern.exec(trimmed);
  if (url?.[1]) return canonical(url[1].slice(1), url[2]);
  const bare = bareIdPattern.exec(trimmed);
  if (bare?.[1]) return canonical(bare[1], bare[2]);
  return undefined;
}

/** Returns the parent of a canonical technique ID (`T1053.002` gives `T1053`). */
export function parentTechniqueId(id: string): string {
  const dot = id.indexOf('.');
  return dot === -1 ? id : id.slice(0, dot);
}

/** Finds every technique ID written anywhere in free text, canonical and without repeats. */
export function findTechniqueIds(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(embeddedIdPattern)) {
    const id = normalizeTechniqueId(match[0].replace(/\/$/, ''));
    if (id) found.add(id);
  }
  return [...found];
}

/** Builds the attack.mitre.org page address of a canonical technique ID. */
export function techniqueUrl(id: string): string {
  return `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
}
