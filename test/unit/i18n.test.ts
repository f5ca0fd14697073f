import { languageFromLocale, messageKeys, periodLabel, t } from '../../bot/src/i18n';

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

describe('plurals and numbers', () => {
  it('picks the plural form of each language', () => {
    const intro = (lang: 'nb' | 'nn' | 'en', count: number) => t(lang, 'card.intro', { period: 'P', count });
    expect(intro('en', 1)).toContain('responsible for 1 measure.');
    expect(intro('en', 19)).toContain('responsible for 19 measures.');
    expect(intro('nb', 1)).toContain('ansvarlig for 1 tiltak.');
    expect(t('en', 'round.nudged', { count: 1 })).toBe('1 person gets another reminder.');
    expect(t('en', 'round.nudged', { count: 3 })).toBe('3 people get another reminder.');
    expect(t('nb', 'import.summary', { plan: 'X', measures: 44, warnings: 1 })).toBe(
      'X: 44 tiltak, 1 merknad. Sjekk og lagre.',
    );
    expect(t('nn', 'import.summary', { plan: 'X', measures: 44, warnings: 6 })).toBe(
      'X: 44 tiltak, 6 merknader. Sjekk og lagra.',
    );
  });

  it('writes counts the way the language does', () => {
    // Norwegian groups thousands with a (no-break) space, English with a comma.
    expect(t('nb', 'import.summary', { plan: 'X', measures: 1, warnings: 1200 })).toMatch(/1\s200 merknader/u);
    expect(t('en', 'round.nudged', { count: 1200 })).toBe('1,200 people get another reminder.');
  });

  it('names months from the language, not from a list kept by hand', () => {
    expect(periodLabel('nn', '2027-05')).toBe('Status pr. mai 2027');
    expect(periodLabel('en', '2027-01')).toBe('Status as of January 2027');
  });
});
