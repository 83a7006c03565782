/** What a command may touch of the process, injected so that tests can run commands in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bar) . */
  stderrIsTTY: boolean;
  /** Whether stdout is a terminal (colours). */
  stdoutIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** All of standard input (for the input `-`); absent where there is none. */
  readStdin?: () => Promise<Buffer>;
}

export function processIO(): CliIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/** Exit codes (DESIGN.md §2). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
