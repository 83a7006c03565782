import type { RunSummary } from '../engine/run.js';

/** The short human summary `unboil run` prints on stdout. */
export function formatSummary(summary: RunSummary, out: string | undefined, ms: number): string {
  const { totals } = summary;
  const lines = [
    `unboil: ${summary.cleaned}/${summary.documents} documents cleaned with pipeline "${summary.pipeline.name}" in ${(ms / 1000).toFixed(2)}s` +
      (out ? ` → ${out}` : ''),
    `  blocks: ${totals.blocks} in, ${totals.kept} kept, ${totals.removed} removed; chars: ${totals.charsIn} in, ${totals.charsOut} out`,
  ];
  const rules = Object.entries(totals.removedBy).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  if (rules.length) {
    lines.push('  removed by rule:');
    const width = Math.max(...rules.map(([rule]) => rule.length));
    for (const [rule, n] of rules) lines.push(`    ${rule.padEnd(width)}  ${n}`);
  }
  if (summary.failed.length) {
    lines.push(`  failed: ${summary.failed.length}`);
    for (const f of summary.failed) lines.push(`    ${f.path}: ${f.error}`);
  }
  return `${lines.join('\n')}\n`;
}
