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
