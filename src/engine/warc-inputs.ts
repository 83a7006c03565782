import { listWarcRecords, warcSkipReason } from '../read/warc.js';
import type { InputFile } from './inputs.js';

/** `crawl.warc.gz`, `CC-MAIN-….warc.wet.gz` → `crawl`, `CC-MAIN-…`: the folder its records' outputs go in. */
const archiveStem = (rel: string) => rel.replace(/(?:\.warc)?\.(?:warc|wet)(?:\.gz)?$/i, '');

/**
 * Replaces each WARC or WET input by one input per record to clean
 * (response and conversion records), located by offset so that a worker
 * reads its record alone: `crawl.warc.gz#<record id>`, written under
 * `crawl/<record id>`. Other records (request, metadata, warcinfo, revisit,
 * non-HTML responses) are counted by reason, as `warc.skipped.<reason>`.
 * The archive is read once, sequentially, without holding any body. An
 * archive that cannot be listed (not a WARC, gzipped as one stream) is one
 * failed input.
 */
export async function expandWarcInputs(inputs: InputFile[]): Promise<{ inputs: InputFile[]; skipped: Record<string, number> }> {
  const out: InputFile[] = [];
  const skipped: Record<string, number> = {};
  for (const input of inputs) {
    if (!input.warc || input.unreadable) {
      out.push(input);
      continue;
    }
    const records: InputFile[] = [];
    try {
      for await (const entry of listWarcRecords(input.abs)) {
        const reason = warcSkipReason(entry);
        if (reason) {
          skipped[`warc.skipped.${reason}`] = (skipped[`warc.skipped.${reason}`] ?? 0) + 1;
          continue;
        }
        records.push({
          abs: input.abs,
          display: `${input.display}#${entry.id}`,
          root: input.root,
          source: `${input.source}#${entry.id}`,
          // The id ends the name: the output stem keeps it whole (a fake extension is what gets cut).
          rel: `${archiveStem(input.rel)}/${entry.id}.record`,
          format: null,
          record: { offset: entry.offset, length: entry.length },
        });
      }
      out.push(...records);
    } catch (error) {
      out.push({ ...input, unreadable: (error as Error).message });
    }
  }
  return { inputs: out, skipped };
}
