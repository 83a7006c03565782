/**
 * Defaults shared by the main-text rule (text boilerplate) and the byline
 * stage, in a module of their own: both stages' option schemas need them
 * without loading either stage's code.
 */

/** How many blocks before the main text a byline or dateline may sit. */
export const BYLINE_REACH = 8;

/** Default cost of a non-prose block inside the main text (see mainRun). */
export const MAIN_TEXT_PENALTY = 100;

/** A run of this many menu-shaped lines (see CHROME_MENU_WORDS) around the prose is page chrome. */
export const CHROME_MENU_RUN = 3;

/** At most this many words make a menu item. */
export const CHROME_MENU_WORDS = 4;

/**
 * Listings (see listing.ts), tuned on folds 1-2 of wcxb-dev text: a
 * non-prose line of LISTING_ITEM_WORDS words or more is an entry, other
 * lines cost LISTING_PENALTY characters, and the listing is the main content
 * when it weighs LISTING_SHARE times the prose of the densest prose run.
 */
export const LISTING_ITEM_WORDS = 5;
export const LISTING_PENALTY = 30;
export const LISTING_SHARE = 1.5;

/**
 * A widget line (share bar, "Add a comment") that closes an article closes
 * nothing when the same line recurs this many times on the page: it frames
 * every post of a thread.
 */
export const FRAME_REPEATS = 3;
