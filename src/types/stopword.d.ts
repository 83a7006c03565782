// The `stopword` package ships no types: it exports one array of words per
// ISO 639-3 language code (plus a few helpers we do not use).
declare module 'stopword' {
  const lists: Record<string, string[]>;
  export = lists;
}
