// whatwg-mimetype (the WHATWG MIME Sniffing parser, as browsers read Content-Type) ships no types.
declare module 'whatwg-mimetype' {
  export default class MIMEType {
    static parse(text: string): MIMEType | null;
    constructor(text: string);
    readonly essence: string;
    readonly parameters: Map<string, string>;
  }
}
