import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sidecarJson } from '../src/model/sidecar-json.js';
import { sidecarSchema, type Sidecar } from '../src/model/sidecar.js';
import { ROOT } from './helpers/seeds.js';

const OUTPUT = join(ROOT, 'output');
const sidecars = () =>
  readdirSync(OUTPUT)
    .filter((f) => f.endsWith('.json') && f !== '_run.json')
    .map((f) => JSON.parse(readFileSync(join(OUTPUT, f), 'utf8')) as Sidecar);

describe('sidecar layout', () => {
  it('writes one line per block and parses back to the same sidecar', () => {
    for (const sidecar of sidecars()) {
      const text = sidecarJson(sidecar);
      expect(JSON.parse(text)).toEqual(sidecar);
      expect(sidecarSchema.safeParse(JSON.parse(text)).success).toBe(true);
      const lines = text.split('\n');
      const first = lines.indexOf('  "blocks": [');
      expect(lines.slice(first + 1, first + 1 + sidecar.blocks.length).map((l) => JSON.parse(l.trim().replace(/,$/, '')))).toEqual(sidecar.blocks);
      expect(lines.slice(-3)).toEqual(['  ]', '}', '']);
    }
  });

  it('writes keys in the schema order whatever order the object was built in', () => {
    const [sidecar] = sidecars();
    const shuffled = Object.fromEntries(Object.entries(sidecar!).reverse()) as unknown as Sidecar;
    shuffled.blocks = sidecar!.blocks.map((b) => Object.fromEntries(Object.entries(b).reverse())) as Sidecar['blocks'];
    expect(sidecarJson(shuffled)).toBe(sidecarJson(sidecar!));
    expect(sidecarJson(sidecar!).split('\n')[1]).toBe('  "schema": "unboil/document@1",');
    expect(sidecarJson(sidecar!)).toMatch(/\n {4}\{"i":0,"kind":"line","span":\[\d+,\d+\],"line":1,"text":/);
  });

  it('writes a block built in schema order as it is, and one with an unknown or misplaced field in schema order, unknown fields last', () => {
    const [sidecar] = sidecars();
    const blockLine = (block: object) => sidecarJson({ ...sidecar!, blocks: [block] } as unknown as Sidecar).split('\n').find((l) => l.startsWith('    {'));
    expect(blockLine({ i: 0, kind: 'line', role: undefined, text: 'a', kept: true })).toBe('    {"i":0,"kind":"line","text":"a","kept":true}');
    expect(blockLine({ i: 0, zeta: 1, kind: 'line', text: 'a' })).toBe('    {"i":0,"kind":"line","text":"a","zeta":1}');
    expect(blockLine({ text: 'a', i: 0, kind: 'line' })).toBe('    {"i":0,"kind":"line","text":"a"}');
  });

  it('makes an edit to one block a one-line change, in far fewer lines and bytes than the indented form', () => {
    const [sidecar] = sidecars();
    const edited = structuredClone(sidecar!);
    const k = edited.blocks.findIndex((b) => !b.kept);
    edited.blocks[k] = { ...edited.blocks[k]!, reason: 'another reason' } as Sidecar['blocks'][number];
    const [a, b] = [sidecarJson(sidecar!).split('\n'), sidecarJson(edited).split('\n')];
    expect(a.length).toBe(b.length);
    expect(a.filter((line, n) => line !== b[n])).toHaveLength(1);
    const all = sidecars();
    // The seeds' sidecars: 3145 lines and 97 KB indented, 406 lines and 75 KB one block per line.
    const size = (layout: (s: Sidecar) => string) => all.reduce(([bytes, lines], s) => [bytes + layout(s).length, lines + layout(s).split('\n').length], [0, 0]);
    const [indentedBytes, indentedLines] = size((s) => `${JSON.stringify(s, null, 2)}\n`);
    const [bytes, lines] = size(sidecarJson);
    expect(lines / indentedLines).toBeLessThan(0.15);
    expect(bytes / indentedBytes).toBeLessThan(0.8);
  });
});
