import { myMeasuresLink, myMeasuresWebUrl } from '../../bot/src/domain/tab-links';

describe('links to a person’s own measures', () => {
  const base = { tabBaseUrl: 'https://tiltak.example.no' };

  it('open the tab’s own view in a browser when the app id is not known', () => {
    const link = myMeasuresLink(base, 'ddo-2024', 'Mine tiltak', '2026-T2');
    expect(link).toBe('https://tiltak.example.no/tab/?show=mine&plan=ddo-2024&period=2026-T2');
    expect(link).toBe(myMeasuresWebUrl(base, 'ddo-2024', '2026-T2'));
  });

  it('open the personal tab inside Teams, with the web address as fallback and the plan as sub-entity', () => {
    const link = new URL(myMeasuresLink({ ...base, teamsAppId: 'a1b2c3' }, 'plan & co', 'Mine tiltak'));
    expect(link.origin + link.pathname).toBe('https://teams.microsoft.com/l/entity/a1b2c3/my-measures');
    expect(link.searchParams.get('webUrl')).toBe('https://tiltak.example.no/tab/?show=mine&plan=plan+%26+co');
    expect(link.searchParams.get('label')).toBe('Mine tiltak');
    expect(JSON.parse(link.searchParams.get('context') ?? '')).toEqual({ subEntityId: 'plan & co' });
  });
});
