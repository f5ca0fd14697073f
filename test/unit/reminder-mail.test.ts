/** The reminder e-mail: in the plan's language, the measures still missing, the tab's link, all escaped. */
import { reminderMail } from '../../bot/src/adapters/mail/reminder-mail';
import { allMeasures } from '../../bot/src/domain/plan';
import { hoylandet } from '../support/demo';

const plan = hoylandet();
const links = { tabBaseUrl: 'https://tiltak.hoylandet.kommune.no', teamsAppId: '2f1b1c0e-7d3a-4c55-9f1e-3b7f5e2a9c11' };
const person = { userId: 'u1', name: 'Kari <b>Nordmann</b>', roles: [], coordinatorOf: [], mail: 'kari@kommune.no' };

it('lists the measures still missing and links to the person’s measures in the tab, in the browser', () => {
  const [a, b] = allMeasures(plan);
  const mail = reminderMail(person, { plan, periodId: '2026-T3', missing: [a!, b!], total: 5 }, links);
  expect(mail.subject).toBe('Påminnelse: status for tiltakene dine, 3. tertial 2026');
  expect(mail.html).toContain('<html lang="nb">');
  expect(mail.html).toContain(`<strong>${a!.number}</strong>`);
  expect(mail.html).toContain('og 2 mangler fortsatt status for 3. tertial 2026');
  // The web address, not the Teams deep link: the e-mail may be read outside Teams.
  expect(mail.html).toContain(
    'href="https://tiltak.hoylandet.kommune.no/tab/?show=mine&amp;plan=hoylandet-2023-2027&amp;period=2026-T3"',
  );
});

it('escapes every text from the plan and the directory', () => {
  const [a] = allMeasures(plan);
  const hostile = { ...a!, text: '<script>alert(1)</script> & "quoted"' };
  const mail = reminderMail(
    person,
    { plan: { ...plan, title: '<img src=x onerror=alert(1)>' }, periodId: '2026-T3', missing: [hostile], total: 1 },
    links,
  );
  expect(mail.html).not.toMatch(/<script|<img|<b>/);
  expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;');
  expect(mail.html).toContain('Hei Kari &lt;b&gt;Nordmann&lt;/b&gt;,');
});

it('speaks nynorsk for a nynorsk plan', () => {
  const [a] = allMeasures(plan);
  const mail = reminderMail(
    person,
    { plan: { ...plan, language: 'nn' }, periodId: '2026-T3', missing: [a!], total: 1 },
    links,
  );
  expect(mail.subject).toBe('Påminning: status for tiltaka dine, 3. tertial 2026');
  expect(mail.html).toContain('<html lang="nn">');
});
