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

/** Each line, put after an article, gets the stage/rule it is mapped to. */
function expectRules(lines: Record<string, string>) {
  const fate = removed(['Budget Approved', P1, P2, P3, ...Object.keys(lines)]);
  for (const [line, rule] of Object.entries(lines)) expect(fate[line], line).toBe(rule);
}

describe('boilerplate stage (text)', () => {
  it('removes menu runs and short lines before the title, keeps the title', () => {
    const fate = removed(['Home', 'World', 'Politics', 'Sport', 'Council Approves Budget After Long Debate', P1, P2, P3]);
    expect(fate).toMatchObject({ Home: 'boilerplate/navigation', Sport: 'boilerplate/navigation', 'Council Approves Budget After Long Debate': 'kept', [P1]: 'kept' });
  });

  it('removes short lines after the end of the article, keeps a closing bio sentence', () => {
    const bio = 'Jane Doe is a reporter covering local politics for the paper since 2015.';
    const fate = removed(['Council Approves Budget', P1, P2, P3, bio, 'Privacy', 'Terms of use', 'Contact']);
    expect(fate).toMatchObject({ [bio]: 'kept', Privacy: expect.stringMatching(/^boilerplate\//), Contact: expect.stringMatching(/^boilerplate\//) });
  });

  it('a later run of prose joins the main text, unless something that ends an article lies between', () => {
    const later = 'The mayor also promised a second debate on housing, to be held in the town hall before the end of the year.';
    const joined = removed(['Budget Approved', P1, P2, P3, 'Next steps', 'Schools', 'Roads', 'Parks', later]);
    expect(joined[later]).toBe('kept');
    const comment = removed(['Budget Approved', P1, P2, P3, 'Leave a Reply', 'Name *', 'Email *', 'Jane Doe', 'May 12, 2024 at 9:14 am', 'Paul Miller', 'May 13, 2024 at 7:02 pm', later]);
    expect(comment['Leave a Reply']).toBe('boilerplate/comments');
    expect(comment[later]).toBe('boilerplate/outside-main');
  });

  it('keeps paragraphs apart from the densest run on a side of the text without chrome, removes them where a menu or a removed widget sits', () => {
    const P4 = 'Residents who want to speak at the vote can sign up at the town hall until the Friday before the meeting.';
    const lead = 'The harbour plan was first put forward by the port authority in 2019.';
    const head = [lead, 'Photo 1 of 3', 'Updated 12 May 2024', 'Budget Approved', P1, P2, P3, P4];
    expect(removed(head)[lead]).toBe('kept');
    expect(removed(['Home', 'News', 'Sport', ...head])[lead]).toBe('boilerplate/outside-main');
    const tail = ['Budget Approved', P1, P2, P3, P4, 'Updated 12 May 2024', 'Photo 1 of 3', lead];
    expect(removed(tail)).toMatchObject({ [lead]: 'kept', 'Photo 1 of 3': 'kept' });
    // A footer an earlier rule removed (legal links) is chrome as much as a menu the main-text rule finds.
    expect(removed([...tail, 'Privacy', 'Terms of use', 'Contact us'])[lead]).toBe('boilerplate/outside-main');
  });

  it('keeps a listing of headline entries around a blurb when it outweighs the prose, and still removes the menu and the footer around it', () => {
    const entries = [
      'Council approves the new harbour plan after a long debate',
      'River festival returns to the old town in June',
      'New cycle lanes open along the northern ring road',
      'Library extends its opening hours for the exam season',
      'School meals to be cooked on site from next autumn',
      'Museum reopens its east wing after two years of repairs',
    ];
    const blurb = 'Stories from the city and the county, updated every day by our newsroom.';
    const fate = removed(['Home', 'News', 'Sport', 'Weather', 'Around Town This Week', ...entries.flatMap((e, i) => [e, `${i + 3} May 2024`]), blurb, 'Privacy', 'Terms', 'Contact']);
    for (const e of entries) expect(fate[e], e).toBe('kept');
    expect(fate).toMatchObject({ Home: 'boilerplate/navigation', Weather: 'boilerplate/navigation', [blurb]: 'kept', Privacy: expect.stringMatching(/^boilerplate\//) });
  });

  it('a listing does not reach across a block that ends an article: the article stays the main text, the teasers after its comment form go', () => {
    const teasers = [
      'New cycle lanes open along the northern ring road',
      'Library extends its opening hours for the exam season',
      'School meals to be cooked on site from next autumn',
      'Museum reopens its east wing after two years of repairs',
      'Bus fares stay frozen for another year, operator says',
      'Volunteers plant a thousand trees along the canal',
    ];
    // Article and teasers together outweigh the article's prose 1.5 times; cut at the form, the teasers are a list apart from the prose.
    const fate = removed(['Budget Approved', P1, P2, P3, 'Leave a Reply', 'Name *', 'Email *', ...teasers]);
    expect(fate).toMatchObject({ [P1]: 'kept', [P3]: 'kept', 'Leave a Reply': 'boilerplate/comments' });
    for (const t of teasers) expect(fate[t], t).toBe('boilerplate/navigation');
  });

  it('a grid of cards framed by a recurring line is the content, even apart from the only prose (a blurb of the shop)', () => {
    const hours = 'Our stores are open every day from nine in the morning until eight in the evening, holidays included.';
    const cards = [
      ['Trail Runner Mesh Sneaker', "Men's running shoe, sizes 8 to 13", '$89.00'],
      ['Canvas Low Top Classic', 'Organic cotton upper, rubber sole', '$55.00'],
      ['Wool Lounger Slip On', 'Merino wool, machine washable', '$95.00'],
      ['Leather Chelsea Boot', 'Full grain leather, elastic sides', '$149.00'],
      ['Hiking Mid Waterproof', 'Sealed seams, grippy outsole', '$129.00'],
      ['Court Sneaker Retro', 'Suede panels, padded collar', '$75.00'],
    ];
    const grid = cards.flatMap((card) => [...card, 'Add to cart']);
    const fate = removed([hours, 'Home', 'Shop', 'Sale', 'Contact', "Men's Shoes", ...grid, 'Privacy', 'Terms', 'Careers']);
    for (const line of cards.flat()) expect(fate[line], line).toBe('kept');
    expect(fate).toMatchObject({ Home: 'boilerplate/navigation', Sale: 'boilerplate/navigation', [hours]: 'boilerplate/outside-main', Careers: expect.stringMatching(/^boilerplate\//) });
    // The same lines without the recurring frame are a menu beside the notice, as before.
    const plain = removed([hours, 'Home', 'Shop', 'Sale', 'Contact', "Men's Shoes", ...cards.flat(), 'Privacy', 'Terms', 'Careers']);
    expect(plain[cards[0]![0]!]).toBe('boilerplate/navigation');
  });

  it('a widget line under every post of a thread frames the posts: the answers stay; once, it ends the article', () => {
    const A = 'I had the same problem with the old release and fixed it by clearing the cache before the upgrade, then it worked.';
    const B = 'Another option is to pin the version in the lock file, so that the build server does not pull the broken one again.';
    const C = 'Thanks for the answers. Clearing the cache did it for me as well, the build has been green for a week now.';
    const frame = ['Share', 'Add a comment'];
    const by = (name: string, date: string) => [name, date];
    const fate = removed(['How do I fix the failing build after the upgrade?', P1, P2, ...frame, ...by('Jane Doe', 'May 12, 2024'), A, P3, ...frame, ...by('Paul Miller', 'May 13, 2024'), B, ...frame, ...by('Ann Lee', 'May 14, 2024'), C, ...frame]);
    for (const post of [P1, P2, A, P3, B, C]) expect(fate[post], post).toBe('kept');
    expect(fate['Add a comment']).toBe('boilerplate/comments');
    const once = removed(['Budget Approved', P1, P2, P3, ...frame, ...by('Jane Doe', 'May 12, 2024'), A]);
    expect(once[A]).toBe('boilerplate/outside-main');
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
    for (const header of ['Related Posts', 'More on this topic', 'Lesen Sie auch', 'À lire aussi', 'Artículos relacionados', 'Dans la même rubrique', 'Verwandte Themenbereiche', 'Die meistgelesenen Artikel', 'Lo más leído', 'Keep Reading']) {
      const fate = removed(['Budget Approved', P1, P2, P3, header, 'Mayor Opens New Bridge', 'School Reform Delayed Again']);
      expect(fate[header], header).toBe('boilerplate/related');
      expect(fate['Mayor Opens New Bridge'], header).toBe('boilerplate/related');
      expect(fate['School Reform Delayed Again'], header).toBe('boilerplate/related');
    }
  });

  it('removes "read also: <headline>" lines, keeps a sentence with a colon', () => {
    const links = ['Czytaj też: Wyścig zbrojeń ruszył z kopyta', 'À lire aussi » Le budget de la ville adopté', 'Related: Mayor Opens New Bridge', 'Lea también: El alcalde inaugura el puente', 'LE PUEDE INTERESAR: La ficha del alcalde en el tribunal', 'MIRA: Vecinos protestan frente al ayuntamiento'];
    const sentence = 'Also important: the council will publish the full budget online next week for residents to read.';
    const fate = removed(['Budget Approved', P1, links[0]!, P2, links[1]!, links[2]!, P3, links[3]!, sentence, ...links.slice(4)]);
    for (const link of links) expect(fate[link], link).toBe('boilerplate/related');
    expect(fate[sentence]).toBe('kept');
  });

  it('removes interface labels (print, log in, show all, close), keeps a heading that starts with such a word', () => {
    const fate = removed(['Budget Approved', P1, 'Drucken', P2, 'Jetzt registrieren', 'Next Steps for the Council', P3, 'Show all', 'Schließen']);
    for (const line of ['Drucken', 'Jetzt registrieren', 'Show all', 'Schließen']) expect(fate[line], line).toBe('boilerplate/ui-label');
    expect(fate['Next Steps for the Council']).toBe('kept');
  });

  it('removes advertisement labels', () => {
    const fate = removed(['Budget Approved', P1, 'Advertisement', P2, 'Anzeige', P3, 'Reklama']);
    expect(fate).toMatchObject({ Advertisement: 'boilerplate/ads', Anzeige: 'boilerplate/ads', Reklama: 'boilerplate/ads' });
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

  it('removes the long explanation of a cookie banner, keeps an article paragraph about cookies', () => {
    const notice = 'Unsere Website verwendet Cookies für verschiedene Zwecke, insbesondere zur Verbesserung ihrer Funktionsweise und Analyse. Wenn Sie weitersurfen, stimmen Sie der Verwendung zu.';
    const article = 'The bakery on Main Street sold more than two thousand cookies during the festival, twice as many as last year.';
    const fate = removed([notice, 'Budget Approved', P1, article, P2, P3]);
    expect(fate[notice]).toBe('boilerplate/cookie');
    expect(fate[article]).toBe('kept');
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
      'Save my name, email, and website in this browser for the next time I comment.': 'boilerplate/comments',
      'Benachrichtige mich über neue Beiträge via E-Mail.': 'boilerplate/comments',
      'If you enjoyed reading this post, please consider supporting our work.': 'boilerplate/reader-prompt',
      'Wenn Ihnen dieser Artikel gefallen hat, unterstützen Sie uns mit einer Spende.': 'boilerplate/reader-prompt',
      'This post contains affiliate links. We may earn a commission when you buy.': 'boilerplate/disclosure',
    };
    expectRules(lines);
  });

  it("removes the site's calls to action, login prompts and text licences, in several languages", () => {
    const lines = {
      'Follow The Courier on Twitter and Instagram @DailyCourier.': 'boilerplate/reader-prompt',
      'For the latest stories and breaking news download the Courier apps for iOS and Android.': 'boilerplate/reader-prompt',
      'If you enjoyed reading this post, would you consider supporting our work?': 'boilerplate/reader-prompt',
      'Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie unabhängigen Journalismus.': 'boilerplate/reader-prompt',
      'Puede escribirnos a redaccion@example.org o seguir a Materia en Facebook.': 'boilerplate/reader-prompt',
      'Zapraszamy też do subskrypcji tygodnika.': 'boilerplate/reader-prompt',
      'Submit your letter to the editor via this form.': 'boilerplate/reader-prompt',
      'Sie sind aktuell nicht eingeloggt.': 'boilerplate/comments',
      'Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE.': 'boilerplate/license',
      'Poprzedni artykuł': 'boilerplate/pagination',
      'Dieser Beitrag gibt die Meinung des Autors wieder, nicht die der Redaktion.': 'boilerplate/disclaimer',
      "Les opinions exprimées dans ce blog n'engagent que leurs auteurs.": 'boilerplate/disclaimer',
      'Suggested citation: Doe, Jane: Budget Approved, Daily Courier, 2024.': 'boilerplate/citation',
      'Lesezeit: 4 Minuten': 'boilerplate/reading-time',
      'Wir respektieren deine Privatsphäre und laden externe Inhalte erst nach deiner Zustimmung.': 'boilerplate/consent',
      'Jede Spende hilft den Menschen vor Ort!': 'boilerplate/reader-prompt',
      'JavaScript is disabled. For a better experience, please enable JavaScript in your browser.': 'boilerplate/no-javascript',
      'Аdvеrtіѕе wіth thе most visited news site in town. Wе оffеr fullу сuѕtоmіzаblе mаrkеtіng расkаgеѕ.': 'boilerplate/ads',
    };
    expectRules(lines);
  });

  it('keeps an article sentence that reports on an app or a newspaper', () => {
    const sentence = 'Residents can download the city app to report potholes, the mayor said, and the newspaper will follow the vote on Twitter.';
    expect(removed(['Budget Approved', P1, sentence, P2, P3])[sentence]).toBe('kept');
  });

  it('removes image captions that end with a photo credit, keeps sentences naming a photographer', () => {
    const captions = [
      'Striking members of the union outside the town hall last year. Photograph: Jane Smith/Getty Images',
      'Der Bürgermeister bei der Sitzung im Rathaus. Foto: Stadtarchiv/dpa',
      'Le piquet de grève dans le hall de l’université / (C) Anne Martin',
      '(Image credit: City Council)',
    ];
    const sentence = 'The photograph by Jane Smith won a regional prize and will be shown in the library until May.';
    const fate = removed(['Budget Approved', P1, captions[0]!, P2, captions[1]!, captions[2]!, P3, captions[3]!, sentence]);
    for (const caption of captions) expect(fate[caption], caption).toBe('boilerplate/caption');
    expect(fate[sentence]).toBe('kept');
  });

  it('keeps an article sentence that only mentions such words', () => {
    const sentence = 'The council said the photo archive and the newsletter would both be funded next year, after a long debate about costs.';
    expect(removed(['Budget Approved', P1, sentence, P2, P3])[sentence]).toBe('kept');
    const enjoyed = 'If you enjoyed the festival last year, the mayor said, the new programme will be even bigger and longer.';
    expect(removed(['Budget Approved', P1, enjoyed, P2, P3])[enjoyed]).toBe('kept');
  });

  it('can turn a rule family off from the pipeline', async () => {
    const { resolvePipeline } = await import('../src/config/pipeline.js');
    const pipeline = resolvePipeline({ stages: ['decode', 'segment', 'normalize', 'language', ['boilerplate', { rules: { related: false }, mainText: false }]] });
    const c = clean(['Budget Approved', P1, P2, P3, 'Related Posts', 'Mayor Opens New Bridge'].join('\n\n'), { pipeline });
    expect(c.text).toContain('Related Posts');
  });
});
