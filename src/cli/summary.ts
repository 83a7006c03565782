import type { RunActivity, RunSummary } from '../engine/run.js';

/** What a run did beside cleaning, when it did more than clean everything: skipped, rewritten, removed. */
function activityLine(a: RunActivity): string | null {
  const parts = [
    a.skipped ? `${a.skipped} up to date (skipped)` : '',
    a.rewritten ? `${a.rewritten} rewritten by corpus stages` : '',
    a.removed ? `${a.removed} removed (input gone)` : '',
  ].filter(Boolean);
  return parts.length ? `  ${a.cleaned} cleaned now, ${parts.join(', ')}` : null;
}

/** Skipped documents named one per line on stdout; the rest are in `_run.json` (a filter may skip most of a corpus). */
const LISTED_SKIPS = 10;

/** ", 3 skipped (language)": how many documents were skipped whole, by the stage that skipped them. */
function skippedCount(skipped: NonNullable<RunSummary['skipped']>): string {
  if (!skipped.length) return '';
  const byStage = new Map<string, number>();
  for (const s of skipped) byStage.set(s.stage, (byStage.get(s.stage) ?? 0) + 1);
  return `, ${[...byStage].map(([stage, n]) => `${n} skipped (${stage})`).join(', ')}`;
}

/** The short human summary `unboil run` prints on stdout. */
export function formatSummary(summary: RunSummary, activity: RunActivity | null, out: string | undefined, ms: number): string {
  const { totals } = summary;
  const skipped = summary.skipped ?? [];
  const lines = [
    `unboil: ${summary.cleaned}/${summary.documents} documents cleaned${skippedCount(skipped)} with pipeline "${summary.pipeline.name}" in ${(ms / 1000).toFixed(2)}s` +
      (out ? ` → ${out}` : ''),
    ...(activity && activityLine(activity) ? [activityLine(activity)!] : []),
    `  blocks: ${totals.blocks} in, ${totals.kept} kept, ${totals.removed} removed; chars: ${totals.charsIn} in, ${totals.charsOut} out`,
  ];
  const rules = Object.entries(totals.removedBy).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  if (rules.length) {
    lines.push('  removed by rule:');
    const width = Math.max(...rules.map(([rule]) => rule.length));
    for (const [rule, n] of rules) lines.push(`    ${rule.padEnd(width)}  ${n}`);
  }
  if (skipped.length) {
    lines.push(`  skipped: ${skipped.length} (sidecar written, no clean text)`);
    for (const s of skipped.slice(0, LISTED_SKIPS)) lines.push(`    ${s.path}: ${s.reason}`);
    if (skipped.length > LISTED_SKIPS) lines.push(`    … and ${skipped.length - LISTED_SKIPS} more (listed in _run.json)`);
  }
  if (summary.failed.length) {
    lines.push(`  failed: ${summary.failed.length}`);
    for (const f of summary.failed) lines.push(`    ${f.path}: ${f.error}`);
  }
  return `${lines.join('\n')}\n`;
}
