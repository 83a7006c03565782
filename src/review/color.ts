/** ANSI colours, or none: on a TTY unless NO_COLOR is set or --no-color is given. */
export interface Paint {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export function paint(enabled: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

export const colorEnabled = (flag: boolean | undefined, isTTY: boolean, env: Record<string, string | undefined>): boolean =>
  flag !== false && isTTY && !('NO_COLOR' in env && env.NO_COLOR !== '');
