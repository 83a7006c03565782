import { constants } from 'node:os';
import { UnboilError } from '../errors.js';
import type { CommandContext } from './main.js';

export interface Interrupt {
  /** Aborted, with the signal's name as its reason, at the first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** 128 + the signal's number once one came (the shell's convention: 130 for Ctrl-C), else null. */
  exitCode(): number | null;
  dispose(): void;
}

/**
 * Ctrl-C and SIGTERM as an AbortSignal, for a run that must clean up before
 * it ends (a coordinator releases its queue). Only the first signal is
 * caught: a second one ends the process at once, as usual.
 */
export function catchInterrupt(): Interrupt {
  const controller = new AbortController();
  let caught: NodeJS.Signals | null = null;
  const on = (name: NodeJS.Signals) => () => {
    caught = name;
    controller.abort(name);
  };
  const handlers = { SIGINT: on('SIGINT'), SIGTERM: on('SIGTERM') };
  for (const [name, handler] of Object.entries(handlers)) process.once(name, handler);
  return {
    signal: controller.signal,
    exitCode: () => (caught ? 128 + constants.signals[caught] : null),
    dispose: () => {
      for (const [name, handler] of Object.entries(handlers)) process.off(name, handler);
    },
  };
}

/**
 * The error that ended a run, judged: after a signal, the run's own error
 * (it says what to do next) is printed and the exit code is the signal's;
 * anything else is thrown on to the CLI's usual handling.
 */
export function stoppedBy(interrupt: Interrupt | null, error: unknown, ctx: CommandContext): null {
  const code = interrupt?.exitCode();
  if (!code || !(error instanceof UnboilError)) throw error;
  ctx.io.stderr(`unboil: ${error.message}\n`);
  ctx.exitCode = code;
  return null;
}
