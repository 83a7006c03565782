import { describe, expect, it } from 'vitest';
import { clean } from '../src/engine/clean.js';
import { detectLanguage, overruledLanguage } from '../src/stages/meta/language.js';

describe('language', () => {
  it('detects languages from running text (ISO 639-3 from franc)', () => {
    expect(detectLanguage('Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für erneuerbare Energien deutlich auszubauen.')).toBe('deu');
    expect(detectLanguage('Le gouvernement a annoncé mercredi une nouvelle réforme des retraites, contestée par les syndicats.')).toBe('fra');
    expect(detectLanguage('Rząd przyjął w środę projekt ustawy o odnawialnych źródłach energii, który trafi teraz do Sejmu.')).toBe('pol');
  });
  it('returns null for text too short to tell', () => {
    expect(detectLanguage('OK')).toBeNull();
  });
  it('sets meta.lang to the ISO 639-1 code', () => {
    const c = clean('El gobierno anunció el miércoles una reforma de las pensiones que los sindicatos rechazan con firmeza.\n');
    expect(c.sidecar.meta.lang).toBe('es');
  });

  const GERMAN = [
    'Der Gemeinderat hat am Dienstag beschlossen, dass die alte Steinbrücke repariert und nicht ersetzt wird, nach einer langen Debatte, in der Anwohner für und gegen den Plan sprachen.',
    'Die Ingenieure hatten gewarnt, dass die Bögen schwächer werden, aber ein im Frühjahr veröffentlichtes Gutachten kam zu dem Schluss, dass die Schäden in zwei Jahren behoben werden können.',
  ];
  const htmlPage = (lang: string, paragraphs: string[]) =>
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body><article><h1>Die Brücke</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

  it('overrules <html lang> when the text is clearly in another language', () => {
    expect(clean(htmlPage('en', GERMAN), { format: 'html' }).sidecar.meta.lang).toBe('de');
  });
  it('keeps <html lang> when the text agrees, or is too short to overrule it', () => {
    expect(clean(htmlPage('de-CH', GERMAN), { format: 'html' }).sidecar.meta.lang).toBe('de');
    expect(clean(htmlPage('en', ['Die Brücke wird im Herbst repariert, sagte der Bürgermeister.']), { format: 'html' }).sidecar.meta.lang).toBe('en');
  });
  it('reads a three-letter <html lang> (a language with no ISO 639-1 code, as BCP 47 writes it)', () => {
    expect(clean(htmlPage('haw', ['Aloha mai kākou.']), { format: 'html' }).sidecar.meta.lang).toBe('haw');
  });
  it('keeps a declared language that the detector only finds close to another (Norwegian read as Danish)', () => {
    expect(overruledLanguage('nob', 'Kommunestyret vedtok tirsdag at den gamle steinbroen skal repareres i stedet for å erstattes, etter en lang debatt der innbyggerne talte både for og mot planen. Ingeniørene hadde advart om at buene var i ferd med å svekkes.')).toBeNull();
  });
});
