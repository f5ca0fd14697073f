import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { GoalTable } from '../../../bot/src/http/api-types';
import { periodLabel, t, type Language } from '../../../bot/src/i18n/messages';
import { filterChoices, type TableFilter } from './filter-table';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
});

const ALL = '';

export interface FilterBarProps {
  table: GoalTable;
  uiLang: Language;
  filter: TableFilter;
  onFilter: (filter: TableFilter) => void;
  onPeriod: (periodId: string) => void;
}

/** Period, municipality, sector and responsible: native selects, so keyboards and screen readers know them. */
export function FilterBar({ table, uiLang, filter, onFilter, onPeriod }: FilterBarProps) {
  const styles = useStyles();
  const choices = filterChoices(table);
  const planLang = table.plan.language;
  return (
    <div className={styles.bar} role="group" aria-label={t(uiLang, 'tab.filters')}>
      <Field label={t(uiLang, 'tab.period')}>
        <Select value={table.period.id} onChange={(_e, d) => onPeriod(d.value)}>
          {[...table.periods].reverse().map((p) => (
            <option key={p.id} value={p.id}>
              {periodLabel(planLang, p.id)}
            </option>
          ))}
        </Select>
      </Field>
      {choices.owners.length > 0 && (
        <Field label={t(uiLang, 'tab.municipality')}>
          <Select
            value={filter.owner ?? ALL}
            onChange={(_e, d) => onFilter({ ...filter, owner: d.value || undefined })}
          >
            <option value={ALL}>{t(uiLang, 'tab.all')}</option>
            {choices.owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {choices.sectors.length > 0 && (
        <Field label={t(uiLang, 'tab.sector')}>
          <Select
            value={filter.sector ?? ALL}
            onChange={(_e, d) => onFilter({ ...filter, sector: d.value || undefined })}
          >
            <option value={ALL}>{t(uiLang, 'tab.all')}</option>
            {choices.sectors.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {choices.roles.length > 0 && (
        <Field label={t(uiLang, 'column.responsible')}>
          <Select value={filter.role ?? ALL} onChange={(_e, d) => onFilter({ ...filter, role: d.value || undefined })}>
            <option value={ALL}>{t(uiLang, 'tab.all')}</option>
            {choices.roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
