import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTitleBlock } from '../../bot/src/domain/import/title-block';

describe("a strategy's front page", () => {
  it('gives Høylandet’s title, period, municipality and adoption', () => {
    const text = readFileSync(join(__dirname, '../../bot/demo/plans/hoylandet-2023-2027.txt'), 'utf8');
    expect(readTitleBlock(text)).toEqual({
      title: 'Strategi for digitalisering',
      period: { fromYear: 2023, toYear: 2027 },
      owners: ['Høylandet kommune'],
      adoptedBy: 'Vedtatt i Kommunestyret 15.12.22, Sak 58/22',
    });
  });

  it('gives nothing it cannot read', () => {
    expect(readTitleBlock('Hovedmål\tStrategi\tTiltak\tAnsvarlig / Måleindikator\tStatus\n')).toEqual({ owners: [] });
  });

  it('reads an open-ended period and nynorsk wording', () => {
    expect(
      readTitleBlock(
        'Digitaliseringsstrategi\n\n2022 –\n\nFor kommunane Årdal og Lærdal\nVedteken i kommunestyret 26.03.20\n',
      ),
    ).toEqual({
      title: 'Digitaliseringsstrategi',
      period: { fromYear: 2022 },
      owners: ['Årdal kommune', 'Lærdal kommune'],
      adoptedBy: 'Vedteken i kommunestyret 26.03.20',
    });
  });
});
