/**
 * The seed strategies as the app loads them, checked against the source documents
 * (shared/seeds/, copied or transcribed under bot/demo/plans with provenance notes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDemoPlans } from '../../bot/src/adapters/demo/demo-plans';
import { planFromDocument, PlanDocumentError } from '../../bot/src/adapters/files/plan-json-reader';
import { allMeasures, findMeasure, planCounts, type GoalNode, type Plan } from '../../bot/src/domain/plan';
import { DEMO_PLANS_DIR } from '../support/demo';

const plans = new Map(loadDemoPlans(DEMO_PLANS_DIR).map((p) => [p.id, p]));
const plan = (id: string): Plan => {
  const p = plans.get(id);
  if (!p) throw new Error(`no plan ${id}`);
  return p;
};
const measure = (p: Plan, n: string) => {
  const m = findMeasure(p, n);
  if (!m) throw new Error(`no ${n} in ${p.id}`);
  return m;
};

describe('the demo plans', () => {
  it('ships the seed strategies, each with its source named', () => {
    expect([...plans.keys()]).toEqual([
      'ardal-laerdal-2020-2025',
      'ddo-2017-2020',
      'hoylandet-2023-2027',
      'sandefjord-2021-2024',
      'stord-2022',
    ]);
    for (const p of plans.values()) expect(p.source).toMatch(/shared\/seeds\/00\d_[0-9a-f]+\.txt/);
  });

  it('Høylandet: 7 hovedmål, 25 strategier, 44 tiltak from the Word table', () => {
    const p = plan('hoylandet-2023-2027');
    expect(planCounts(p)).toEqual({ perLevel: [7, 25, 44], measures: 44 });
    expect(p.levels).toEqual(['Hovedmål', 'Strategi', 'Tiltak']);
  });

  it('Sandefjord: four hovedprioriteringer (1–4) and four fokusområder (A–D), 30 mål and 33 tiltak', () => {
    const p = plan('sandefjord-2021-2024');
    expect(p.goals.map((g) => g.number)).toEqual(['1', '2', '3', '4', 'A', 'B', 'C', 'D']);
    expect(p.goals.map((g) => g.text)).toEqual([
      'Barn og unge',
      'Helse, sosial og omsorg',
      'Innbyggerdialog',
      'Informasjonssikkerhet og personvern',
      'Deltagelse i nasjonale og regionale satsinger',
      'Effektivisering/porteføljestyling',
      'Dokumentasjonsforvaltning',
      'Infrastruktur, nettverk og trådløst nett',
    ]);
    const items = allMeasures(p);
    expect(items.filter((m) => m.kind === 'goal')).toHaveLength(30);
    expect(items.filter((m) => m.kind !== 'goal')).toHaveLength(33);
    expect(measure(p, 'C.T1').text).toBe(
      'Sandefjord kommune skal utarbeide en egen strategi for identifisering, tilgjengeliggjøring og bevaring av datasett og dokumentasjon som skapes som ledd i kommunens virksomhet',
    );
    expect(items.every((m) => m.responsibleRoles.length === 0)).toBe(true); // the document names no one
  });

  it('Sandefjord: the numeric goals carry their own figures', () => {
    const p = plan('sandefjord-2021-2024');
    expect(measure(p, '3.M3').indicator).toEqual({
      kind: 'numeric',
      text: 'Antall som har lastet ned innbyggerappen',
      unit: 'nedlastinger',
      target: 30000,
      direction: 'higher',
      targetDate: '2024-12-31',
    });
    expect(measure(p, '3.M3').text).toContain('minst 30.000 som har lastet ned appen');
    expect(measure(p, '4.T1').indicator).toMatchObject({
      kind: 'numeric',
      baseline: 0,
      target: -90,
      direction: 'lower',
    });
    expect(measure(p, 'B.M2').indicator).toMatchObject({ target: 5, unit: 'mill. kr per år' });
    expect(measure(p, 'B.M3').indicator).toMatchObject({ target: 3, unit: 'mill. kr per år' });
    expect(measure(p, 'D.M1').indicator).toMatchObject({ target: 99, unit: '%' });
    expect(measure(p, '3.T1').indicator).toMatchObject({ target: 50, targetDate: '2023-12-31' });
  });

  it('Årdal og Lærdal: a nynorsk plan shared by two, Årdal as host, with situation, goal, strategies and quick wins', () => {
    const p = plan('ardal-laerdal-2020-2025');
    expect(p.language).toBe('nn');
    expect(p.owners.map((o) => o.name)).toEqual(['Årdal kommune', 'Lærdal kommune']);
    expect(p.hostOwnerId).toBe('ardal');
    expect(p.goals.map((g) => g.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(p.goals[4]?.children.map((c) => c.text)).toEqual([
      'Organisering',
      'Økonomi',
      'Strategisk programvare og felles fagsystem',
    ]);
    const items = allMeasures(p);
    expect(items).toHaveLength(22);
    expect(items.filter((m) => m.quickWin)).toHaveLength(9);
    expect(p.goals[0]?.details?.map((d) => d.label)).toEqual(['Overskrift', 'No-situasjonen', 'Mål']);
    expect(measure(p, '5.1.S1')).toMatchObject({ responsibleRoles: ['Rådmannen i Årdal'], appliesTo: ['ardal'] });
    expect(measure(p, '3.S2').text).toBe(
      'Vurdere meir lokal løysing for responsenter t.d. gjennom Lokalmedisinsk senter eller legevakt.',
    );
  });
});

describe('Stord: målbilete and ranked tiltak per sector', () => {
  const p = plan('stord-2022');

  it('has four sectors with 13 målbilete and 29 tiltak, open-ended from 2022, in nynorsk', () => {
    expect(p.language).toBe('nn');
    expect(p.period).toEqual({ fromYear: 2022 });
    expect(p.goals.map((g) => g.text)).toEqual(['Felles', 'RHO', 'Oppvekst og kultur', 'Tekniske tenester']);
    expect(p.goals.map((g) => g.details?.length)).toEqual([3, 3, 5, 2]);
    expect(p.goals.map((g) => g.measures.length)).toEqual([9, 9, 4, 7]);
    expect(p.goals.map((g) => g.measures.map((m) => m.priority))).toEqual([
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
      [1, 3, 2, 4, 5, 6, 7, 8, 9],
      [1, 2, 3, 4],
      [1, 2, 3, 4, 6, 8, 7], // the document has no priority 5 here
    ]);
  });

  it('keeps benefits typed by their label, feasibility and the real gaps', () => {
    const timelister = measure(p, '1.1');
    expect(timelister.text).toBe('Innføre digitale timelister');
    expect(timelister.benefits?.map((b) => b.type)).toEqual(['reduced-cost', 'freed-capacity', 'increased-quality']);
    expect(timelister.benefits?.[0]?.text).toBe('Reduserte kostnader på sikt: potensielt kutte årsverk til timeføring');
    expect(timelister.feasibility).toMatch(/^Føreset felles system for heile kommunen/);
    expect(measure(p, '1.5').benefits?.find((b) => b.type === 'freed-capacity')).toEqual({
      type: 'freed-capacity',
      text: 'Firgjørt kapasitet: Mindre tidsbruk til å handsame reserverasjonar',
    });
    const booking = measure(p, '2.5');
    expect(booking).toMatchObject({ text: 'Innføre bookingsystem for timar med psykisk helse og rus', priority: 5 });
    expect(booking.notes).toBe('Diana og Birthe fyller ut');
    expect(booking.benefits).toBeUndefined();
    expect(measure(p, '4.6').notes).toBe('Prioritering: Ikkje heilt klart til å takast i bruk endå');
    expect(allMeasures(p).every((m) => m.sector === p.goals.find((g) => g.measures.includes(m))?.text)).toBe(true);
  });
});

describe('DDØ: five municipalities, cross-cutting and sector areas, goals for the period', () => {
  const p = plan('ddo-2017-2020');

  it('is shared by the five municipalities and followed up quarterly', () => {
    expect(p.owners.map((o) => o.name)).toEqual([
      'Gjerstad kommune',
      'Risør kommune',
      'Tvedestrand kommune',
      'Vegårshei kommune',
      'Åmli kommune',
    ]);
    expect(p.cadence).toEqual({ kind: 'quarterly' });
    expect(p.details?.find((d) => d.label === 'Gevinstrealisering')?.text).toMatch(
      /^Målsetting for prosjektinvestering bør være minimum 1:3/,
    );
  });

  it('has 5 cross-cutting and 3 sector areas with 77 goals, each owned by its sector group', () => {
    expect(planCounts(p)).toEqual({ perLevel: [2, 8, 8, 77], measures: 77 });
    expect(p.goals[0]?.children.map((c) => c.text)).toEqual([
      'Strategisk ledelse og IKT',
      'Digital kompetanse',
      'Tverrgående, integrerte databehandlingssystemer',
      'Automatisering av prosesser',
      'Kommunikasjon og databehandling',
    ]);
    const items = allMeasures(p);
    expect(items.every((m) => m.kind === 'goal' && m.responsibleRoles.length === 1)).toBe(true);
    expect(measure(p, '4.2.1.3.1')).toMatchObject({
      text: 'Ny skiltplan ferdigstilles innen juni 2017.',
      responsibleRoles: ['Sektorgruppe Teknikk og samfunn'],
    });
  });
});

describe('the curated plans are faithful to their sources', () => {
  const seeds: Record<string, string> = {
    'ddo-2017-2020': '001_5689a760773342e4.txt',
    'sandefjord-2021-2024': '002_9702e2b897af299b.txt',
    'stord-2022': '003_528701fa18c3272d.txt',
    'ardal-laerdal-2020-2025': '004_1f9187797a0146fd.txt',
  };
  /** Markup, footnote markers and line breaks are not words. */
  const normalise = (text: string) =>
    text
      .replace(/<[^>]+>/g, ' ')
      .replace(/\*+/g, '')
      .replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]/g, '')
      .replace(/\s+/g, ' ')
      .trim();

  it.each(Object.entries(seeds))('%s: every item and labelled text stands in the source document', (id, file) => {
    const source = normalise(readFileSync(join(__dirname, '../fixtures/seeds', file), 'utf8'));
    const missing: string[] = [];
    const check = (where: string, text: string) => {
      // Items built from a lead-in and its bullets ("Etablere system med: Superbrukarar; …") are checked part by part.
      for (const part of text.split(/; |: /)) if (!source.includes(normalise(part))) missing.push(`${where}: ${part}`);
    };
    const walk = (nodes: GoalNode[]) =>
      nodes.forEach((n) => {
        n.details?.filter((d) => d.label !== 'Overskrift').forEach((d) => check(`${n.number} ${d.label}`, d.text));
        n.measures.forEach((m) => {
          check(m.number, m.text);
          m.benefits?.forEach((b) => check(`${m.number} gevinst`, b.text));
          if (m.feasibility) check(`${m.number} gjennomførleg`, m.feasibility);
        });
        walk(n.children);
      });
    walk(plan(id).goals);
    expect(missing).toEqual([]);
  });
});

describe('plan documents', () => {
  const valid = {
    id: 'test-plan',
    title: 'Test',
    owners: [{ id: 'a', name: 'A kommune' }],
    language: 'nb',
    period: { fromYear: 2024, toYear: 2027 },
    cadence: { kind: 'tertial' },
    levels: ['Mål', 'Tiltak'],
    source: 'test',
    goals: [
      { number: '1', text: 'Mål 1', measures: [{ number: '1.1', text: 'Tiltak', responsible: 'Rektor og IKT-leder' }] },
    ],
  };

  it('derives ids, levels and roles from what the author wrote', () => {
    const p = planFromDocument(valid, 'test');
    expect(p.goals[0]).toMatchObject({ id: 'g1', level: 0 });
    expect(p.goals[0]?.measures[0]).toMatchObject({
      id: '1.1',
      responsibleText: 'Rektor og IKT-leder',
      responsibleRoles: ['Rektor', 'IKT-leder'],
      indicator: { kind: 'deliverable', text: '' },
    });
  });

  it('names every problem: duplicate numbers, unknown owners, too deep a tree, bad fields', () => {
    const broken = {
      ...valid,
      cadence: { kind: 'weekly' },
      goals: [
        {
          number: '1',
          text: 'Mål 1',
          measures: [
            { number: '1.1', text: 'A', appliesTo: ['b'] },
            { number: '1.1', text: 'B' },
          ],
          children: [{ number: '1.1.x', text: 'Too deep' }],
        },
      ],
    };
    expect(() => planFromDocument(broken, 'broken.json')).toThrow(PlanDocumentError);
    try {
      planFromDocument({ ...broken, cadence: valid.cadence }, 'broken.json');
    } catch (error) {
      expect((error as PlanDocumentError).problems).toEqual([
        "1.1.x: deeper than the plan's 2 levels",
        '1.1: appliesTo names b, which is not an owner of the plan',
        '1.1: the number is used twice',
      ]);
    }
  });
});
