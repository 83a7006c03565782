/**
 * The three kinds of failure unboil distinguishes. The CLI maps them to exit
 * codes: ConfigError → 2 (nothing written), InputError → 1 (that document
 * fails, the others are still written), InternalError → 1 and a bug report.
 */
export class UnboilError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A pipeline file or option is invalid. `path` is the JSON path of the problem. */
export class ConfigError extends UnboilError {
  readonly issues: Array<{ path: string; message: string }>;
  constructor(message: string, issues: Array<{ path: string; message: string }> = []) {
    super(message);
    this.issues = issues;
  }
}

/** One input document cannot be read or decoded (binary, unreadable, too large). */
export class InputError extends UnboilError {
  readonly path: string;
  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.path = path;
  }
}

/** A bug in unboil itself: a stage threw something we did not expect. */
export class InternalError extends UnboilError {}
