import { comparable } from './normalize-text.js';

export const words = (text: string): string[] => comparable(text).split(' ').filter(Boolean);

export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (!a.size && !b.size) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
