import { describe, expect, it } from 'vitest';
import { clean } from '../src/engine/clean.js';
import { detectLanguage } from '../src/stages/meta/language.js';

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
});
