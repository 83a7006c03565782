import { resolve } from 'node:path';
import type { Command } from 'commander';
import { writeAtomicChunks } from '../engine/write.js';
import { indexOutputDir, outputDocuments } from '../review/documents.js';
import { reportChunks } from '../review/report.js';
import type { CommandContext } from './main.js';

export function registerReport(program: Command, ctx: CommandContext): void {
  program
    .command('report')
    .description('Write a self-contained HTML report of an output folder: documents table, removals highlighted by rule')
    .argument('<output-dir>', 'output folder of `unboil run`')
    .option('--html <file>', 'report file to write', 'report.html')
    .action(async (dir: string, flags: { html: string }) => {
      const index = indexOutputDir(dir, ctx.io.cwd);
      let count = 0;
      const docs = (function* () {
        for (const doc of outputDocuments(index, ctx.io.cwd)) {
          count++;
          yield doc;
        }
      })();
      await writeAtomicChunks(resolve(ctx.io.cwd, flags.html), reportChunks(docs, `unboil report: ${dir}`));
      ctx.io.stdout(`unboil report: ${count} documents → ${flags.html}\n`);
    });
}
