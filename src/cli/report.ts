import { resolve } from 'node:path';
import type { Command } from 'commander';
import { writeAtomic } from '../engine/write.js';
import { readOutputDir } from '../review/documents.js';
import { buildReport } from '../review/report.js';
import type { CommandContext } from './main.js';

export function registerReport(program: Command, ctx: CommandContext): void {
  program
    .command('report')
    .description('Write a self-contained HTML report of an output folder: documents table, removals highlighted by rule')
    .argument('<output-dir>', 'output folder of `unboil run`')
    .option('--html <file>', 'report file to write', 'report.html')
    .action(async (dir: string, flags: { html: string }) => {
      const docs = readOutputDir(dir, ctx.io.cwd);
      await writeAtomic(resolve(ctx.io.cwd, flags.html), buildReport(docs, `unboil report: ${dir}`));
      ctx.io.stdout(`unboil report: ${docs.length} documents → ${flags.html}\n`);
    });
}
