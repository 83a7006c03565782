import { describe, expect, it } from 'vitest';
import { francAll } from 'franc-min';
import { rankLanguages } from '../src/text/trigram-language.js';

const TEXTS = [
  'Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für erneuerbare Energien deutlich auszubauen.',
  'Le gouvernement a annoncé mercredi une nouvelle réforme des retraites, contestée par les syndicats.',
  'The council voted on Tuesday to repair the old stone bridge rather than replace it, after a long debate.',
  'Rząd przyjął w środę projekt ustawy o odnawialnych źródłach energii, który trafi teraz do Sejmu.',
  'Правительство в среду одобрило законопроект о возобновляемых источниках энергии.',
  'وافقت الحكومة يوم الأربعاء على مشروع قانون بشأن مصادر الطاقة المتجددة.',
  'सरकार ने बुधवार को नवीकरणीय ऊर्जा स्रोतों पर एक विधेयक को मंजूरी दी।',
  '政府在星期三批准了一项关于可再生能源的法案，该法案将提交议会审议。',
  'Ελληνικό κείμενο για τη δοκιμή της ανίχνευσης γλώσσας από τα τρίγραμμα.',
  // Mixed scripts and languages, digits and punctuation (which franc cleans away), an uppercase İ that lowercases to two characters.
  'Breaking: 12,000 people — İSTANBUL’da toplandı! Das war am 3. März 2024 um 14:30 Uhr; see https://example.org/x?y=1.',
  'Ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok',
  '1234567890 1234567890 1234567890',
  '!!!! ???? ---- ,,,, ....',
  'short',
  '',
];

describe('rankLanguages', () => {
  it('gives franc-min’s francAll result, scores and order, on texts of every kind', () => {
    for (const text of TEXTS) expect(rankLanguages(text, 20)).toEqual(francAll(text, { minLength: 20 }));
  });

  it('gives franc’s result on long texts, which franc cuts at 2,048 characters', () => {
    const long = TEXTS.slice(0, 4).join(' ').repeat(12);
    expect(long.length).toBeGreaterThan(2048);
    expect(rankLanguages(long, 20)).toEqual(francAll(long, { minLength: 20 }));
  });

  it('is undetermined below the minimum length', () => {
    expect(rankLanguages('Der Rat tagte.', 20)).toEqual([['und', 1]]);
    expect(rankLanguages('1234567890 1234567890 1234567890', 20)).toEqual([['und', 1]]);
  });
});
