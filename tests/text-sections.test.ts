// Sections of a text dump (two or more blank lines close a container in
// html-to-text dumps) and the boilerplate rules that read them.
import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../src/config/pipeline.js';
import { clean } from '../src/engine/clean.js';
import { segmentText } from '../src/stages/text/segment-text.js';
import { sectionsOf } from '../src/text/sections.js';

const P1 = 'The city council approved the new budget on Tuesday evening after a long debate about schools and roads.';
const P2 = 'Opposition members said the plan would raise local taxes, but the mayor insisted that the numbers were sound.';
const P3 = 'A final vote on the transport package is expected next month, when the regional funding has been confirmed.';

/** Sections are joined by two blank lines, the lines of one section by a single newline. */
const dump = (sections: string[][]) => sections.map((lines) => lines.join('\n')).join('\n\n\n');

/** The position rules alone: the block scorer (tests/text-scorer.test.ts) may overrule them on such small dumps. */
const rulesOnly = loadPipeline('default', '.', { set: ['boilerplate.rules.scorer=false'] });

function fates(text: string, pipeline = loadPipeline('default')) {
  const c = clean(text, { pipeline });
  return Object.fromEntries(c.sidecar.blocks.map((b) => [b.text, b.kept ? 'kept' : `${b.stage}/${b.rule}`]));
}

describe('sectionsOf', () => {
  it('numbers blocks by the runs of two or more blank lines between them', () => {
    const source = 'Home\nNews\n\n\nTitle\n\nFirst paragraph.\n \t\n\nSecond paragraph.\n\n\n\nFooter';
    const blocks = segmentText(source);
    expect(blocks.map((b) => b.text)).toEqual(['Home', 'News', 'Title', 'First paragraph.', 'Second paragraph.', 'Footer']);
    // One blank line (Title / First) does not split; a whitespace-only line counts as blank.
    expect(sectionsOf(source, blocks)).toEqual([0, 0, 1, 1, 2, 3]);
  });

  it('is null for a dump with single blank lines only', () => {
    const source = 'Home\n\nTitle\n\nFirst paragraph.';
    expect(sectionsOf(source, segmentText(source))).toBeNull();
  });
});

describe('link-section rule', () => {
  it('removes a section of short lines set into the article, keeps a one-line heading section', () => {
    const fate = fates(dump([['Council Approves Budget', P1, P2], ['Unsere Partner', '* Stadtwerke Nord', '* Verkehrsverbund Mitte'], ['What Happens Next'], [P3, P1.replace('Tuesday', 'Monday')]]));
    expect(fate['Unsere Partner']).toBe('boilerplate/link-section');
    expect(fate['* Stadtwerke Nord']).toBe('boilerplate/link-section');
    expect(fate['* Verkehrsverbund Mitte']).toBe('boilerplate/link-section');
    expect(fate['What Happens Next']).toBe('kept');
    expect(fate[P3]).toBe('kept');
  });

  it('keeps a list that shares its section with the sentence introducing it', () => {
    const intro = 'The package, which the council will vote on next month, covers three areas of spending:';
    const fate = fates(dump([['Council Approves Budget', P1, P2], [intro, '* Schools', '* Roads', P3]]));
    expect(fate['* Schools']).toBe('kept');
    expect(fate['* Roads']).toBe('kept');
  });

  it('keeps a section of listed data: quantities or "Label: value" lines', () => {
    const ingredients = ['Zutaten', '200 g Mehl', '2 Eier', '1 Prise Salz'];
    const facts = ['Termin: 12. Mai', 'Ort: Rathaus, Saal B', 'Eintritt: frei'];
    const fate = fates(dump([['Council Approves Budget', P1, P2], ingredients, facts, [P3, P1.replace('Tuesday', 'Monday')]]));
    for (const line of [...ingredients, ...facts]) expect(fate[line], line).toBe('kept');
  });

  it('does nothing in a dump without sections', () => {
    const fate = fates(['Council Approves Budget', P1, P2, 'Unsere Partner', '* Stadtwerke Nord', P3, P1.replace('Tuesday', 'Monday')].join('\n\n'));
    expect(fate['Unsere Partner']).toBe('kept');
  });
});

describe('lead paragraph in the section of the main text', () => {
  const lead = 'The mayor defended the plan against critics on Tuesday.';
  const meta = ['3 min read', 'Updated 10:42', 'Print edition'];

  it('keeps a lead that short lines cut off from the text within the same section', () => {
    const fate = fates(dump([['Home', 'World', 'Politics'], [lead, 'Council Approves Budget', ...meta, P1, P2, P3]]), rulesOnly);
    expect(fate[lead]).toBe('kept');
    expect(fate['Updated 10:42']).toMatch(/^boilerplate\//);
  });

  it('still removes the same paragraph when a section break separates it from the text', () => {
    const fate = fates(dump([['Home', 'World', 'Politics', lead], ['Council Approves Budget', ...meta, P1, P2, P3]]), rulesOnly);
    expect(fate[lead]).toBe('boilerplate/outside-main');
  });
});

describe('newsletter pitch', () => {
  const pitch = 'The latest news and analysis from our reporters, delivered every morning.';

  it('removes the sentence under a newsletter prompt in the same section', () => {
    const fate = fates(dump([['Council Approves Budget', P1, P2, P3], ['Sign up for our newsletter', pitch, 'Email address']]));
    expect(fate['Sign up for our newsletter']).toBe('boilerplate/newsletter');
    expect(fate[pitch]).toBe('boilerplate/newsletter');
  });

  it('keeps a sentence that only follows the prompt across a section break', () => {
    const fate = fates(dump([['Council Approves Budget', P1, P2], ['Sign up for our newsletter'], [pitch, P3, P1.replace('Tuesday', 'Monday')]]));
    expect(fate[pitch]).toBe('kept');
  });
});

describe('title that opens a section', () => {
  const meta = ['Jane Doe', '3 min read', 'Print edition'];

  it('is the title, not the last headline-like line before the text', () => {
    const c = clean(dump([['Home', 'World', 'Politics'], ['Council Approves Budget', ...meta, P1, P2, P3]]));
    expect(c.sidecar.meta.title).toBe('Council Approves Budget');
    const fate = Object.fromEntries(c.sidecar.blocks.map((b) => [b.text, b.kept ? 'kept' : `${b.stage}/${b.rule}`]));
    expect(fate['Print edition']).toMatch(/^boilerplate\//);
    expect(fate['Council Approves Budget']).toBe('kept');
  });

  it('without sections, the last headline-like line is still taken', () => {
    const c = clean(['Home', 'World', 'Politics', 'Council Approves Budget', ...meta, P1, P2, P3].join('\n\n'));
    expect(c.sidecar.meta.title).toBe('Print edition');
  });
});
