/**
 * How the document was read, in the import preview: the method (table, spaces between columns,
 * outline), the encoding, where the header is, the deadline legend, and each detected column with
 * the meaning given to it. The coordinator changes a column's meaning or level, renames the
 * levels and fixes the split of a responsible cell; "Apply" reads the document again with those
 * choices, which then apply to the whole document and are sent again when the plan is saved.
 */
import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FieldMeaning, ImportChoices, ReadingView } from '../../../bot/src/contract';
import { FIELD_MEANINGS, t, type Language } from '../../../bot/src/contract';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  table: { borderCollapse: 'collapse', '& th, & td': { textAlign: 'left', padding: tokens.spacingHorizontalXS } },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
});

export function ImportReading({
  reading,
  choices,
  lang,
  onApply,
}: {
  reading: ReadingView;
  choices: ImportChoices;
  lang: Language;
  onApply: (choices: ImportChoices) => void;
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState<ImportChoices>(choices);
  useEffect(() => setDraft(choices), [choices]);

  const columnChoice = (heading: string) => draft.columns?.find((c) => c.heading === heading);
  const setColumn = (heading: string, meaning: FieldMeaning, level?: number) =>
    setDraft({
      ...draft,
      columns: [
        ...(draft.columns ?? []).filter((c) => c.heading !== heading),
        { heading, meaning, ...(meaning === 'goal' && level !== undefined ? { level } : {}) },
      ],
    });
  const levelNames = reading.levels.map((name, i) => draft.levelNames?.[i] ?? name);
  const splitOf = (text: string, roles: string[]) =>
    draft.responsibleSplits?.find((s) => s.text === text)?.roles ?? roles;

  return (
    <section className={styles.section} aria-labelledby="import-reading">
      <h2 id="import-reading" className={styles.heading}>
        {t(lang, 'import.reading.title')}
      </h2>
      <Text>
        {t(lang, `import.reading.${reading.method}`)}
        {reading.encoding ? ` · ${t(lang, 'import.encoding', { encoding: reading.encoding })}` : ''}
        {reading.header ? ` · ${t(lang, 'import.reading.header', { where: reading.header })}` : ''}
      </Text>
      {reading.legend.length > 0 && (
        <Text>{t(lang, 'import.reading.legend', { legend: reading.legend.join('; ') })}</Text>
      )}
      {reading.numberedByUs && <Text>{t(lang, 'import.numberedByUs')}</Text>}
      <Text>{t(lang, 'import.reading.choose')}</Text>

      {reading.columns.length > 0 && (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'import.column.heading')}</th>
              <th scope="col">{t(lang, 'import.column.meaning')}</th>
              <th scope="col">{t(lang, 'import.column.level')}</th>
            </tr>
          </thead>
          <tbody>
            {reading.columns.map((column, i) => {
              const chosen = columnChoice(column.heading);
              const meaning = chosen?.meaning ?? column.meaning;
              const level = chosen?.level ?? column.level;
              return (
                <tr key={i} data-column={column.heading}>
                  <th scope="row">{column.heading || '–'}</th>
                  <td>
                    <Select
                      aria-label={t(lang, 'import.column.meaningOf', { heading: column.heading })}
                      value={meaning}
                      onChange={(_e, d) => setColumn(column.heading, d.value as FieldMeaning, level)}
                    >
                      {FIELD_MEANINGS.map((m) => (
                        <option key={m} value={m}>
                          {t(lang, `import.meaning.${m}`)}
                        </option>
                      ))}
                    </Select>
                  </td>
                  <td>
                    {meaning === 'goal' && (
                      <Input
                        type="number"
                        min={1}
                        max={9}
                        aria-label={t(lang, 'import.column.levelOf', { heading: column.heading })}
                        value={level === undefined ? '' : String(level + 1)}
                        onChange={(_e, d) =>
                          setColumn(column.heading, 'goal', d.value ? Number(d.value) - 1 : undefined)
                        }
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <fieldset className={styles.row}>
        <legend>{t(lang, 'import.levels')}</legend>
        {levelNames.map((name, i) => (
          <Field key={i} label={t(lang, 'import.levelName', { n: i + 1 })}>
            <Input
              value={name}
              onChange={(_e, d) => {
                const names = [...levelNames];
                names[i] = d.value;
                setDraft({ ...draft, levelNames: names });
              }}
            />
          </Field>
        ))}
      </fieldset>

      {reading.responsibleCells.length > 0 && (
        <fieldset className={styles.row}>
          <legend>{t(lang, 'import.responsibleCells')}</legend>
          {reading.responsibleCells.map((cell) => (
            <Field key={cell.text} label={t(lang, 'import.responsibleCell', { text: cell.text })}>
              <Input
                value={splitOf(cell.text, cell.roles).join('; ')}
                onChange={(_e, d) =>
                  setDraft({
                    ...draft,
                    responsibleSplits: [
                      ...(draft.responsibleSplits ?? []).filter((s) => s.text !== cell.text),
                      {
                        text: cell.text,
                        roles: d.value
                          .split(';')
                          .map((r) => r.trim())
                          .filter(Boolean),
                      },
                    ],
                  })
                }
              />
            </Field>
          ))}
        </fieldset>
      )}
      <div>
        <Button onClick={() => onApply(draft)}>{t(lang, 'import.reading.apply')}</Button>
      </div>
    </section>
  );
}
