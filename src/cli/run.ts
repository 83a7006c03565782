import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { DEFAULT_QUEUE } from '../distributed/jobs.js';
import { defaultConcurrency } from '../engine/pool.js';
import type { TaskRunner } from '../engine/task-runner.js';
import { runPipeline } from '../engine/run.js';
import { createLogger } from '../log.js';
import { pino } from 'pino';
import type { Format } from '../model/document.js';
import { EXIT } from './io.js';
import { logLevelOption, positiveInt, positiveSeconds, type CommandContext } from './main.js';
import { progressBar } from './progress.js';
import { formatSummary } from './summary.js';

interface RunFlags {
  out: string;
  pipeline: string;
  concurrency: number;
  timeout: number;
  format?: Format;
  logLevel: string;
  logFile?: string;
  quiet?: boolean;
  queue?: string;
  queueName: string;
  batchSize: number;
  attempts: number;
  queuePatience: number;
}

export function registerRun(program: Command, ctx: CommandContext): void {
  program
    .command('run')
    .description('Clean files and folders (recursively) and write <out>/<rel>/<name>.txt, <name>.json and <out>/_run.json')
    .argument('<input...>', 'files or folders: .txt .text .html .htm .xhtml, and any of them .gz')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('-p, --pipeline <name|path>', 'built-in pipeline name (default, strict) or path to a pipeline JSON file', 'default')
    .option('-c, --concurrency <n>', 'worker threads, one document at a time each (default: the number of cores)', positiveInt, defaultConcurrency())
    .option('-t, --timeout <seconds>', 'per-document time limit: a document that takes longer fails alone', positiveSeconds, 30)
    .addOption(new Option('-f, --format <format>', 'treat every input as this format instead of detecting it').choices(['text', 'html']))
    .addOption(logLevelOption())
    .option('--log-file <path>', 'write the JSON logs to this file instead of stderr')
    .option('-q, --quiet', 'no summary on stdout')
    .option('--queue <url>', 'coordinate `unboil worker`s on other machines through this Redis (redis://host:port[/db]) instead of cleaning here')
    .option('--queue-name <name>', 'queue name, one coordinator at a time per name (with --queue)', DEFAULT_QUEUE)
    .option('--batch-size <n>', 'documents per job (with --queue)', positiveInt, 50)
    .option('--attempts <n>', 'tries of a job before its documents fail (with --queue)', positiveInt, 3)
    .option('--queue-patience <seconds>', 'how long Redis may be unreachable mid-run before the run stops (with --queue)', positiveSeconds, 30)
    .addHelpText(
      'after',
      '\nOutputs are written as documents finish; <out>/_run.json is written last and marks a complete run.\n' +
        'A re-run skips documents whose outputs are up to date and finishes what an interrupted run left\n' +
        '(the state is kept in <out>/.unboil/); outputs of inputs that are gone are removed.\n' +
        '\nWith --queue, workers (`unboil worker --queue <url>`) clean the documents; they must see the inputs and\n' +
        'the output folder at the same absolute paths (a shared file system). The outputs are those of a local run.\n' +
        '\nExit codes: 0 all documents cleaned; 1 some documents failed (named on stderr, the others written), or\n' +
        'Redis was lost mid-run (run again to resume); 2 usage or pipeline error, or Redis unreachable (nothing written).',
    )
    .action(async (inputs: string[], flags: RunFlags) => {
      const { io } = ctx;
      const logger = createLogger({
        level: flags.logLevel,
        destination: flags.logFile ? pino.destination({ dest: resolve(io.cwd, flags.logFile), sync: true }) : { write: (line: string) => io.stderr(line) },
      });
      const bar = io.stderrIsTTY ? progressBar(process.stderr) : undefined;
      const started = performance.now();
      let queue: TaskRunner | null = null;
      // BullMQ is loaded only for a run on a queue: it adds about a second to every start of the CLI.
      const runner = flags.queue
        ? (await import('../distributed/queue-runner.js')).queueRunner({ url: flags.queue, queueName: flags.queueName, batchSize: flags.batchSize, attempts: flags.attempts, patienceMs: flags.queuePatience * 1000, out: resolve(io.cwd, flags.out), logger })
        : null;
      const { summary, activity } = await runPipeline({
        inputs,
        out: flags.out,
        pipeline: flags.pipeline,
        concurrency: flags.concurrency,
        timeoutMs: flags.timeout * 1000,
        ...(flags.format ? { format: flags.format } : {}),
        logger,
        cwd: io.cwd,
        ...(bar ? { onProgress: bar.update } : {}),
        ...(runner ? { runner: async (setup) => (queue = await runner(setup)) } : {}),
      });
      bar?.end();
      for (const failure of summary.failed) io.stderr(`unboil: ${failure.path}: ${failure.error}\n`);
      if (!flags.quiet) {
        io.stdout(formatSummary(summary, activity, flags.out, performance.now() - started));
        if (queue) io.stdout(`  workers: ${(queue as TaskRunner).workers ?? 0} took part (queue "${flags.queueName}")\n`);
      }
      ctx.exitCode = summary.failed.length ? EXIT.failed : EXIT.ok;
    });
}
