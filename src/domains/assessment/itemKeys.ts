// Scheme items are picked from the catalogues (an indicator, the loop kinds), never
// given a typed code: the key stored with each item (a-z, 0-9, _; unique in the
// scheme) is made here from the kind and the indicator. An item that has a key
// keeps it, so results published under it still line up. Pure; the web editor
// and the server's schema both use it.
type ItemKind = 'indicator_completion' | 'growth_rank' | 'milestones_on_time' | 'tasks_on_time' | 'loops_closed';

const PREFIX: Record<ItemKind, string> = {
  indicator_completion: 'c',
  growth_rank: 'g',
  milestones_on_time: 'milestones',
  tasks_on_time: 'tasks',
  loops_closed: 'loops',
};

export function withKeys<T extends { kind: ItemKind; indicatorCode?: string; key?: string }>(items: T[]): (T & { key: string })[] {
  const taken = new Set(items.map((i) => i.key).filter((k): k is string => !!k));
  return items.map((i) => {
    if (i.key) return { ...i, key: i.key };
    const code = (i.indicatorCode ?? '').toLowerCase().replace(/[^a-z0-9_]/g, '');
    const base = (code ? `${PREFIX[i.kind]}_${code}` : PREFIX[i.kind]).slice(0, 28);
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
    taken.add(key);
    return { ...i, key };
  });
}
