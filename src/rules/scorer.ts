import type { RuleSpec } from './types.js';

/**
 * The learned block scorer, one rule in both modes: HTML (stages/html/
 * scorer*.ts) and text (stages/text/boilerplate/scorer*.ts), each with its
 * own features and model, trained by scripts/train-scorer.js [--mode text].
 */

/** A short page whose install links sit in a table inside the article's <main>: documentation, not a link list. */
const INSTALL_PAGE =
  '<!doctype html><html lang="en"><head><title>Install | Example Docs</title></head><body><main><section><h1>Install the tool</h1>' +
  '<div><div><table><tbody><tr><td><a href="/linux">Install on Linux</a></td></tr><tr><td><a href="/windows">Install on Windows</a></td></tr><tr><td><a href="/mac">Install on Mac</a></td></tr></tbody></table></div></div>' +
  '<p>The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate in which residents spoke for and against the plan.</p>' +
  '<p>Engineers had warned that the arches were weakening, but a survey published in the spring found that the damage could be fixed within two years and at half the cost of a new crossing.</p>' +
  '<p>Work is expected to begin in the autumn, when the water is low, and the bridge will stay open to pedestrians for most of the time while the repairs are carried out.</p>' +
  '</section></main></body></html>';


/** Twenty place names, one a line: a menu section of a text dump. */
const PLACES = ['Springfield', 'Shelbyville', 'Ogdenville', 'North Haverbrook', 'Capital City', 'Brockway', 'Cypress Creek', 'Waverly Hills', 'Monroe', 'Crawford',
  'Rome', 'Paris', 'Berlin', 'Madrid', 'Lisbon', 'Vienna', 'Prague', 'Oslo', 'Dublin', 'Athens'].join('\n');
const BODY = [
  'The city council approved the new plan for the old harbour on Tuesday evening, after a long debate about the cost of the work, the future of the fishing boats and the roads that lead down to the water.',
  'Opposition members said that the plan would raise local taxes for years to come, but the mayor insisted that the numbers were sound and that most of the money would come from the regional government.',
  'A final vote on the transport package that goes with it is expected next month, when the regional funding has been confirmed and the engineers have finished their report on the state of the old quay walls.',
  'Residents who live near the quay will be invited to a public meeting in April, where the engineers will present the plans and answer questions about the noise and the traffic during the work.',
].join('\n\n');
/** A lead paragraph that a short menu cuts off from the article below the title: the rules remove it as outside-main. */
export const SCORER_LEAD = 'Engineers had warned for years that the arches of the old quay were weakening, and a survey published in the spring found that the damage could be fixed within two years.';
/** A text dump as html-to-text tools write it: two blank lines close each container (a section). */
const dump = (top: string) => `${PLACES}\n\n\n${top}\n\n\nHarbour Plan Approved After Long Debate\n\n${BODY}\n\n\n${PLACES}\n`;
export const SCORER_LEAD_PAGE = dump(`${SCORER_LEAD}\n\n\nOslo\nRome\nParis`);
/** The same page with a box set into the article: the related rule takes its list, and leaves the label above it, "Latest", alone in its section. */
export const SCORER_BOX_PAGE = SCORER_LEAD_PAGE.replace(
  '\n\nOpposition members',
  '\n\n\nLatest\nMost read\nCouncil votes on parking rules\nRiver festival returns in June\n\n\nOpposition members',
);

export const scorer = {
  id: 'scorer',
  modes: ['text', 'html'],
  description:
    'the learned block scorer (html/scorer.ts, text/boilerplate/scorer.ts, trained by scripts/train-scorer.js [--mode text]): removes a block the rules keep when its content score is under 0.35 (text: 0.3), keeps one the structure rules remove (HTML: outside-main, link-list, teaser-list; text: navigation, before-main, after-main, outside-main, link-section) when it is over 0.65 (text: 0.4); text dumps without sections and the title are left to the rules; the reason gives the score and its top features',
  examples: {
    remove: [
      { html: '<section><header><div><span>Example Gazette Media Group Springfield Office Newsroom Contact Desk Editors Reporters Photographers Archive Subscriptions Events</span></div></header></section>', at: 'after' },
      { text: SCORER_BOX_PAGE, at: 'page', check: 'Latest' },
    ],
    keep: [{ html: INSTALL_PAGE, at: 'page', check: 'Install on Windows' }, { text: SCORER_LEAD_PAGE, at: 'page', check: SCORER_LEAD }],
  },
} as const satisfies RuleSpec;
