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
 * Cards (see cardRun in listing.ts), tuned on folds 1-2 of wcxb-dev text: a
 * non-prose line that recurs CARD_REPEATS times or more, at gaps of at most
 * CARD_MAX_GAP blocks, the longest at most CARD_REGULARITY times the
 * shortest, frames the cards of a grid (products, listings). The grid joins
 * the main text when it weighs LISTING_SHARE times the prose of the main
 * text and touches it; apart from it, it replaces the main text only when
 * it weighs CARD_APART_SHARE times as much.
 */
export const CARD_REPEATS = 4;
export const CARD_MAX_GAP = 40;
export const CARD_REGULARITY = 3;
export const CARD_APART_SHARE = 3;

/**
 * A widget line (share bar, "Add a comment") that closes an article closes
 * nothing when the same line recurs this many times on the page: it frames
 * every post of a thread.
 */
export const FRAME_REPEATS = 3;
