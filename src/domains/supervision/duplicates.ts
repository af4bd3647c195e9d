// A draft item that restates a task the zone already tracks is flagged before it is
// confirmed: texts are compared by their character bigrams (Dice coefficient) after
// punctuation and spacing are dropped, so "8月底前完成X建设" and "8月底前，完成X的建设" match.
// Pure; the caller loads the zone's tasks.

const NOISE = /[\s，,。．.、；;：:！!？?“”"‘’'（）()《》〈〉【】[\]—\-…·的了]/g;

function bigrams(text: string): Map<string, number> {
  const t = text.replace(NOISE, '');
  const out = new Map<string, number>();
  if (t.length === 1) out.set(t, 1);
  for (let i = 0; i + 1 < t.length; i++) {
    const g = t.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** 0 (nothing shared) … 1 (the same words); symmetric. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let nx = 0;
  let ny = 0;
  let shared = 0;
  for (const n of x.values()) nx += n;
  for (const [g, n] of y) {
    ny += n;
    shared += Math.min(n, x.get(g) ?? 0);
  }
  return nx + ny === 0 ? 1 : (2 * shared) / (nx + ny);
}

/** At or above this, a draft item is shown as a possible duplicate. */
export const DUPLICATE_THRESHOLD = 0.8;

export interface KnownTask {
  id: string;
  text: string;
}

/** The most similar known task at or above the threshold, if any. */
export function possibleDuplicate(text: string, known: readonly KnownTask[]): (KnownTask & { similarity: number }) | null {
  let best: (KnownTask & { similarity: number }) | null = null;
  for (const k of known) {
    const s = similarity(text, k.text);
    if (s >= DUPLICATE_THRESHOLD && (!best || s > best.similarity)) best = { ...k, similarity: Math.round(s * 100) / 100 };
  }
  return best;
}
