import { languageFromLocale, messageKeys, periodLabel, t } from '../../bot/src/i18n/messages';

describe('message catalogs', () => {
  it('has every text in bokmål, nynorsk and English, with the same placeholders', () => {
    expect(messageKeys().length).toBeGreaterThan(40);
    for (const key of messageKeys()) {
      const [nb, nn, en] = (['nb', 'nn', 'en'] as const).map((lang) => t(lang, key));
      for (const text of [nb, nn, en]) expect(text?.trim()).not.toBe('');
      const placeholders = (text = '') => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(nn)).toEqual(placeholders(nb));
      expect(placeholders(en)).toEqual(placeholders(nb));
    }
    expect(t('nn', 'status.not_started')).toBe('Ikkje starta');
    expect(t('en', 'status.not_started')).toBe('Not started');
  });

  it('picks the language from a Teams or browser locale, falling back to English', () => {
    expect(languageFromLocale('nb-NO')).toBe('nb');
    expect(languageFromLocale('no')).toBe('nb');
    expect(languageFromLocale('nn-NO')).toBe('nn');
    expect(languageFromLocale('en-US')).toBe('en');
    expect(languageFromLocale('sv-SE')).toBe('en');
    expect(languageFromLocale(undefined)).toBe('en');
  });

  it('names periods as Norwegians do', () => {
    expect(periodLabel('nb', '2027-01')).toBe('Status pr. januar 2027');
    expect(periodLabel('nn', '2026-T2')).toBe('2. tertial 2026');
    expect(periodLabel('en', '2026-Q3')).toBe('Q3 2026');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('nb', 'tab.summary', { reported: 3, total: 44 })).toBe('3 av 44 tiltak har status for perioden.');
    expect(t('nb', 'tab.summary', { reported: 3 })).toBe('3 av {total} tiltak har status for perioden.');
  });
});
