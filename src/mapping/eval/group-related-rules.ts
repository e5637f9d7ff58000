/** The parts of a labelled rule that decide which rules are twins. */
export interface GroupableRule {
  id: string;
  title: string;
  description: string;
  related: { id: string }[];
}

/** Title token overlap (Jaccard) from which two titles count as near-identical. */
export const nearTitleJaccard = 0.75;
/** Descriptions shorter than this are too generic to tie two rules together. */
const minSharedDescriptionChars = 40;

const fillerWords = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'by', 'via', 'using', 'with', 'from', 'to', 'and', 'or', 'for', 'potential', 'possible', 'suspicious']);

class UnionFind {
  private readonly parents: number[];

  constructor(size: number) {
    this.parents = Array.from({ length: size }, (_, position) => position);
  }

  find(item: number): number {
    let root = item;
    while (this.parents[root] !== root) root = this.parents[root]!;
    let current = item;
    while (this.parents[current] !== root) {
      const next = this.parents[current]!;
      this.parents[current] = root;
      current = next;
    }
    return root;
  }

  union(left: number, right: number): void {
    const a = this.find(left);
    const b = this.find(right);
    if (a !== b) this.parents[Math.max(a, b)] = Math.min(a, b);
  }
}

/** Words that name a log source or platform when rule writers mark a variant of one rule. */
const variantWords = new Set(
  ('powershell ps scriptblock script block module classic process creation processcreation proc cmdline commandline cli ' +
    'registry reg security sysmon system builtin linux macos osx unix windows win file event image load network ' +
    'connection dns query proxy web webserver zeek audit auditd sshd wmi etw api rpc smb client server firewall ' +
    'application applog log logs service services via set delete access').split(' '),
);

function isVariantSuffix(text: string): boolean {
  const words = text.trim().split(/[^a-z0-9]+/).filter((word) => word.length > 0);
  return words.length > 0 && words.length <= 4 && words.every((word) => variantWords.has(word));
}

/**
 * Reduces a title to the words that name the behaviour: lower case, without bracketed parts
 * and without a trailing variant such as "- PowerShell Module" or "- macOS", which marks the
 * same rule written for another log source.
 */
export function baseTitle(title: string): string {
  let text = title.toLowerCase().replace(/\([^)]*\)/g, ' ');
  const dash = text.lastIndexOf(' - ');
  if (dash > 0 && isVariantSuffix(text.slice(dash + 3))) text = text.slice(0, dash);
  return text.replace(/[^a-z0-9]+/g, ' ').trim();
}

function titleTokens(title: string): Set<string> {
  return new Set(baseTitle(title).split(' ').filter((word) => word.length > 0 && !fillerWords.has(word)));
}

function jaccard(left: Set<string>, right: Set<string>): number {
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / (left.size + right.size - shared);
}

function unionByKey(rules: readonly GroupableRule[], groups: UnionFind, key: (rule: GroupableRule) => string | undefined): void {
  const firstByKey = new Map<string, number>();
  rules.forEach((rule, position) => {
    const value = key(rule);
    if (value === undefined) return;
    const first = firstByKey.get(value);
    if (first === undefined) firstByKey.set(value, position);
    else groups.union(first, position);
  });
}

function unionNearTitles(rules: readonly GroupableRule[], groups: UnionFind): void {
  const tokens = rules.map((rule) => titleTokens(rule.title));
  // Only titles that share a word can reach the threshold, so compare within word buckets.
  const byWord = new Map<string, number[]>();
  tokens.forEach((set, position) => {
    for (const word of set) byWord.set(word, [...(byWord.get(word) ?? []), position]);
  });
  const compared = new Set<number>();
  for (const positions of byWord.values()) {
    for (let i = 0; i < positions.length; i += 1) {
      for (let j = i + 1; j < positions.length; j += 1) {
        const a = positions[i]!;
        const b = positions[j]!;
        const pairKey = a * rules.length + b;
        if (compared.has(pairKey)) continue;
        compared.add(pairKey);
        if (jaccard(tokens[a]!, tokens[b]!) >= nearTitleJaccard) groups.union(a, b);
      }
    }
  }
}

/** The ways two rules can be related, each applied as one union step. */
export const groupingCriteria = ['related', 'baseTitle', 'description', 'nearTitle'] as const;

export type GroupingCriterion = (typeof groupingCriteria)[number];

function sharedDescription(rule: GroupableRule): string | undefined {
  const description = rule.description.toLowerCase().replace(/\s+/g, ' ').trim();
  return description.length >= minSharedDescriptionChars ? description : undefined;
}

function unionRelatedIds(rules: readonly GroupableRule[], groups: UnionFind): void {
  const positionById = new Map(rules.map((rule, position) => [rule.id, position]));
  rules.forEach((rule, position) => {
    for (const link of rule.related) {
      const other = positionById.get(link.id);
      if (other !== undefined) groups.union(position, other);
    }
  });
}

/**
 * Assigns each rule a group number so that related rules share one. Rules are related when a
 * `related` id links them in either direction, when their titles are equal once the
 * log-source variant is removed, when they have the same long description, or when their
 * titles overlap by at least `nearTitleJaccard`. `criteria` selects which of these apply (all
 * by default), for audits of the grouping. Returns one group number per rule, in input order.
 * Each number is the position of one rule of the group.
 */
export function groupRelatedRules(rules: readonly GroupableRule[], criteria: readonly GroupingCriterion[] = groupingCriteria): number[] {
  const groups = new UnionFind(rules.length);
  if (criteria.includes('related')) unionRelatedIds(rules, groups);
  if (criteria.includes('baseTitle')) unionByKey(rules, groups, (rule) => baseTitle(rule.title) || undefined);
  if (criteria.includes('description')) unionByKey(rules, groups, sharedDescription);
  if (criteria.includes('nearTitle')) unionNearTitles(rules, groups);
  return rules.map((_, position) => groups.find(position));
}

/**
 * Splits groups into k folds of about equal rule counts: largest groups first, each to the
 * fold with the fewest rules so far (the lower fold number on ties). Returns the fold of each
 * rule, in input order.
 */
export function assignFolds(groupOfRule: readonly number[], k: number): number[] {
  const sizes = new Map<number, number>();
  for (const group of groupOfRule) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  const ordered = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const load = new Array<number>(k).fill(0);
  const foldOfGroup = new Map<number, number>();
  for (const [group, size] of ordered) {
    let fold = 0;
    for (let candidate = 1; candidate < k; candidate += 1) if (load[candidate]! < load[fold]!) fold = candidate;
    foldOfGroup.set(group, fold);
    load[fold]! += size;
  }
  return groupOfRule.map((group) => foldOfGroup.get(group)!);
}
