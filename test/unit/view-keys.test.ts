import { channelTabUrl, stageUrl } from '../../tab/src/view-keys';

describe('the channel tab’s address', () => {
  it('carries the plan, the department’s filter and the view the coordinator chose', () => {
    expect(
      channelTabUrl('https://tiltak.example.no', {
        planId: 'ardal-laerdal-2020-2025',
        filter: { owner: 'laerdal', sector: 'Helse og omsorg' },
        show: 'overview',
      }),
    ).toBe(
      'https://tiltak.example.no/tab/?plan=ardal-laerdal-2020-2025&owner=laerdal&sector=Helse+og+omsorg&show=overview',
    );
  });

  it('is just the plan when nothing else is chosen', () => {
    expect(channelTabUrl('https://tiltak.example.no', { planId: 'stord-2022', filter: {} })).toBe(
      'https://tiltak.example.no/tab/?plan=stord-2022',
    );
  });
});

describe('the meeting stage’s address', () => {
  it('opens meeting mode on the plan, period and filters the side panel shows', () => {
    expect(
      stageUrl('https://tiltak.example.no', {
        planId: 'stord-2022',
        periodId: '2026-2',
        filter: { sector: 'Felles', role: 'Rådmann' },
        show: 'overview',
      }),
    ).toBe('https://tiltak.example.no/tab/?view=stage&plan=stord-2022&period=2026-2&sector=Felles&role=R%C3%A5dmann');
  });
});
