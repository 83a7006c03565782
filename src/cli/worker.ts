import { resolve } from 'node:path';
import type { Command } from 'commander';
import { pino } from 'pino';
import { DEFAULT_QUEUE } from '../distributed/jobs.js';
import { shownUrl } from '../distributed/url.js';
import { defaultConcurrency } from '../engine/pool.js';
import { createLogger } from '../log.js';
import { EXIT } from './io.js';
import { heapLimitOption, logLevelOption, positiveInt, positiveSeconds, type CommandContext } from './main.js';

interface WorkerFlags {
  queue: string;
  queueName: string;
  concurrency: number;
  heapLimit: number;
  jobs: number;
  stallInterval: number;
  name?: string;
  logLevel: string;
  logFile?: string;
}

export function registerWorker(program: Command, ctx: CommandContext): void {
  program
    .command('worker')
    .description('Take batches of documents from the queue of an `unboil run --queue` and clean them on this machine')
    .requiredOption('--queue <url>', 'Redis of the run: redis://host:port[/db]')
    .option('--queue-name <name>', 'queue name (the coordinator\'s --queue-name)', DEFAULT_QUEUE)
    .option('-c, --concurrency <n>', 'worker threads, one document at a time each (default: the number of cores)', positiveInt, defaultConcurrency())
    .addOption(heapLimitOption())
    .option('--jobs <n>', 'batches taken at once (a worker that dies loses them all to a retry)', positiveInt, 1)
    .option('--stall-interval <seconds>', 'a batch whose worker is silent this long (killed, machine lost) goes to another worker', positiveSeconds, 30)
    .option('--name <name>', 'name of this worker in the queue (default: host:pid)')
    .addOption(logLevelOption())
    .option('--log-file <path>', 'write the JSON logs to this file instead of stderr')
    .addHelpText(
      'after',
      '\nThe inputs and the output folder must be visible at the same absolute paths as on the coordinator\n' +
        '(a shared file system). Runs until stopped (Ctrl-C or SIGTERM: the batches in hand are finished first).\n' +
        '\nExit codes: 0 stopped; 2 Redis unreachable, or a job of another unboil version or pipeline was refused.',
    )
    .action(async (flags: WorkerFlags) => {
      const { io } = ctx;
      const logger = createLogger({
        level: flags.logLevel,
        destination: flags.logFile ? pino.destination({ dest: resolve(io.cwd, flags.logFile), sync: true }) : { write: (line: string) => io.stderr(line) },
      });
      // Loaded here, not at start: BullMQ adds about a second to every start of the CLI.
      const { startWorker } = await import('../distributed/worker.js');
      const worker = await startWorker({
        url: flags.queue,
        queueName: flags.queueName,
        threads: flags.concurrency,
        heapLimitMb: flags.heapLimit,
        jobs: flags.jobs,
        stallMs: flags.stallInterval * 1000,
        ...(flags.name ? { name: flags.name } : {}),
        logger,
      });
      io.stderr(`unboil worker ${worker.name}: waiting for batches on ${shownUrl(flags.queue)}, queue "${flags.queueName}" (${flags.concurrency} threads)\n`);
      const stop = () => void worker.stop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const { refused } = await worker.stopped;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (refused) {
        io.stderr(`unboil worker: refused a batch: ${refused}; stopping (run workers of the same unboil version and pipeline as the coordinator)\n`);
        ctx.exitCode = EXIT.usage;
      }
    });
}
