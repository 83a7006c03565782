export interface Line {
  start: number;
  end: number;
  /** 1-based line number. */
  n: number;
  text: string;
}

/** Splits text into lines with their offsets; \n, \r\n and \r all end a line (as LineIndex counts them). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let n = 1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c !== 10 && c !== 13 && c !== -1) continue;
    lines.push({ start, end: i, n: n++, text: text.slice(start, i) });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  return lines;
}
