// One small document per rule family of the text boilerplate stage. The
// article paragraphs are generic prose; the junk lines are shaped like the
// widgets of many sites, in several languages.
import { describe, expect, it } from 'vitest';
import { clean } from '../src/engine/clean.js';

const P1 = 'The city council approved the new budget on Tuesday evening after a long debate about schools and roads.';
const P2 = 'Opposition members said the plan would raise local taxes, but the mayor insisted that the numbers were sound.';
const P3 = 'A final vote on the transport package is expected next month, when the regional funding has been confirmed.';

function removed(lines: string[]) {
  const c = clean(lines.join('\n\n'));
  return Object.fromEntries(c.sidecar.blocks.map((b) => [b.text, b.kept ? 'kept' : `${b.stage}/${b.rule}`]));
}

describe('boilerplate stage (text)', () => {
  it('removes menu runs and short lines before the title, keeps the title', () => {
    const fate = removed(['Home', 'World', 'Politics', 'Sport', 'Council Approves Budget After Long Debate', P1, P2, P3]);
    expect(fate).toMatchObject({ Home: 'boilerplate/menu', Sport: 'boilerplate/menu', 'Council Approves Budget After Long Debate': 'kept', [P1]: 'kept' });
  });

  it('removes short lines after the end of the article, keeps a closing bio sentence', () => {
    const bio = 'Jane Doe is a reporter covering local politics for the paper since 2015.';
    const fate = removed(['Council Approves Budget', P1, P2, P3, bio, 'Privacy', 'Terms of use', 'Contact']);
    expect(fate).toMatchObject({ [bio]: 'kept', Privacy: expect.stringMatching(/^boilerplate\//), Contact: expect.stringMatching(/^boilerplate\//) });
  });

  it('removes language switchers', () => {
    expect(removed(['EN | DE | FR', 'Budget Approved', P1, P2, P3])['EN | DE | FR']).toBe('boilerplate/language-switcher');
    expect(removed(['English Deutsch Français Español', 'Budget Approved', P1, P2, P3])['English Deutsch Français Español']).toBe('boilerplate/language-switcher');
  });

  it('removes social prompts in several languages', () => {
    for (const line of ['Follow us on:', 'Folgen Sie uns auf', 'Suivez-nous sur', 'Facebook Twitter WhatsApp']) {
      expect(removed(['Budget Approved', P1, P2, line, P3])[line], line).toBe('boilerplate/social');
    }
  });

  it('removes a related-content header and the headlines under it, in several languages', () => {
    for (const header of ['Related Posts', 'More on this topic', 'Lesen Sie auch', 'À lire aussi', 'Artículos relacionados']) {
      const fate = removed(['Budget Approved', P1, P2, P3, header, 'Mayor Opens New Bridge', 'School Reform Delayed Again']);
      expect(fate[header], header).toBe('boilerplate/related');
      expect(fate['Mayor Opens New Bridge'], header).toBe('boilerplate/related');
      expect(fate['School Reform Delayed Again'], header).toBe('boilerplate/related');
    }
  });

  it('removes tag lists', () => {
    const fate = removed(['Budget Approved', P1, P2, P3, 'Tags:', 'budget council taxes']);
    expect(fate).toMatchObject({ 'Tags:': 'boilerplate/tags', 'budget council taxes': 'boilerplate/tags' });
  });

  it('removes comment widgets and forms', () => {
    const fate = removed(['Budget Approved', P1, P2, P3, 'Leave a Reply', 'Name *', 'Email *', 'Website', 'Post Comment']);
    for (const line of ['Leave a Reply', 'Name *', 'Email *', 'Post Comment']) expect(fate[line], line).toBe('boilerplate/comments');
  });

  it('removes gallery tabs and the captions under them', () => {
    const fate = removed(['Budget Approved', P1, P2, P3, 'Gallery', 'Photo', 'Video', 'Crowds gather outside the town hall']);
    expect(fate).toMatchObject({ Gallery: 'boilerplate/gallery', Video: 'boilerplate/gallery', 'Crowds gather outside the town hall': 'boilerplate/gallery' });
  });

  it('removes a glossary box of repeated terms and definitions', () => {
    const box = ['Budget', 'Budget', 'A plan of income and spending for a period.', 'Council', 'Council', 'The elected body that governs the city.'];
    const fate = removed([...box, 'Budget Approved', P1, P2, P3]);
    for (const line of box) expect(fate[line], line).toBe('boilerplate/glossary');
    expect(fate[P1]).toBe('kept');
  });

  it('removes a "Site | Tagline" header and copyright lines', () => {
    const fate = removed(['Daily Courier | Local News Since 1901', 'Budget Approved', P1, P2, P3, '© 2024 Daily Courier. All rights reserved.']);
    expect(fate['Daily Courier | Local News Since 1901']).toBe('boilerplate/site-header');
    expect(fate['© 2024 Daily Courier. All rights reserved.']).toBe('boilerplate/copyright');
  });

  it('removes widget sentences: comment notices, newsletter pitches, prev/next, read more, image credits', () => {
    const lines = {
      'Your email address will not be published. Required fields are marked *': 'boilerplate/comments',
      'Deine E-Mail-Adresse wird nicht veröffentlicht.': 'boilerplate/comments',
      'Abonnieren Sie jetzt unseren kostenlosen Newsletter und verpassen Sie nichts mehr.': 'boilerplate/newsletter',
      'Vorheriger Beitrag: Der Sommer in der Stadt': 'boilerplate/pagination',
      'Weiterlesen': 'boilerplate/read-more',
      'Foto: Anna Berg / Stadtarchiv': 'boilerplate/credit',
      'This entry was posted in News. Bookmark the permalink.': 'boilerplate/post-meta',
      'War der Artikel nützlich?': 'boilerplate/rating',
      'Trotz sorgfältiger inhaltlicher Kontrolle übernehmen wir keine Haftung für die Inhalte externer Links.': 'boilerplate/disclaimer',
      'All content is licensed under a Creative Commons Attribution 4.0 International License.': 'boilerplate/license',
      'Über den Autor': 'boilerplate/author-box',
    };
    const fate = removed(['Budget Approved', P1, P2, P3, ...Object.keys(lines)]);
    for (const [line, rule] of Object.entries(lines)) expect(fate[line], line).toBe(rule);
  });

  it("removes the site's calls to action, login prompts and text licences, in several languages", () => {
    const lines = {
      'Follow The Courier on Twitter and Instagram @DailyCourier.': 'boilerplate/promo',
      'For the latest stories and breaking news download the Courier apps for iOS and Android.': 'boilerplate/promo',
      'If you enjoyed reading this post, would you consider supporting our work?': 'boilerplate/promo',
      'Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie unabhängigen Journalismus.': 'boilerplate/promo',
      'Puede escribirnos a redaccion@example.org o seguir a Materia en Facebook.': 'boilerplate/promo',
      'Zapraszamy też do subskrypcji tygodnika.': 'boilerplate/promo',
      'Submit your letter to the editor via this form.': 'boilerplate/promo',
      'Sie sind aktuell nicht eingeloggt.': 'boilerplate/comments',
      'Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE.': 'boilerplate/license',
      'Poprzedni artykuł': 'boilerplate/pagination',
      'Dieser Beitrag gibt die Meinung des Autors wieder, nicht die der Redaktion.': 'boilerplate/disclaimer',
      "Les opinions exprimées dans ce blog n'engagent que leurs auteurs.": 'boilerplate/disclaimer',
      'Suggested citation: Doe, Jane: Budget Approved, Daily Courier, 2024.': 'boilerplate/citation',
      'Lesezeit: 4 Minuten': 'boilerplate/reading-time',
      'Wir respektieren deine Privatsphäre und laden externe Inhalte erst nach deiner Zustimmung.': 'boilerplate/consent',
      'Jede Spende hilft den Menschen vor Ort!': 'boilerplate/promo',
      'JavaScript is disabled. For a better experience, please enable JavaScript in your browser.': 'boilerplate/no-javascript',
    };
    const fate = removed(['Budget Approved', P1, P2, P3, ...Object.keys(lines)]);
    for (const [line, rule] of Object.entries(lines)) expect(fate[line], line).toBe(rule);
  });

  it('keeps an article sentence that reports on an app or a newspaper', () => {
    const sentence = 'Residents can download the city app to report potholes, the mayor said, and the newspaper will follow the vote on Twitter.';
    expect(removed(['Budget Approved', P1, sentence, P2, P3])[sentence]).toBe('kept');
  });

  it('keeps an article sentence that only mentions such words', () => {
    const sentence = 'The council said the photo archive and the newsletter would both be funded next year, after a long debate about costs.';
    expect(removed(['Budget Approved', P1, sentence, P2, P3])[sentence]).toBe('kept');
  });

  it('can turn a rule family off from the pipeline', async () => {
    const { resolvePipeline } = await import('../src/config/pipeline.js');
    const pipeline = resolvePipeline({ stages: ['decode', 'segment', 'normalize', 'language', ['boilerplate', { rules: { related: false }, mainText: false }]] });
    const c = clean(['Budget Approved', P1, P2, P3, 'Related Posts', 'Mayor Opens New Bridge'].join('\n\n'), { pipeline });
    expect(c.text).toContain('Related Posts');
  });
});
