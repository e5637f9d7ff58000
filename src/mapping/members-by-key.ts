/** Returns, for each distinct key, the positions in `keys` that carry it, in ascending order. */
export function membersByKey<K>(keys: readonly K[]): Map<K, number[]> {
  const members = new Map<K, number[]>();
  keys.forEach((key, position) => {
    const list = members.get(key);
    if (list) list.push(position);
    else members.set(key, [position]);
  });
  return members;
}
