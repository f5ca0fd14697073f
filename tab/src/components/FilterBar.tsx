import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { GoalTable } from '../../../bot/src/contract';
import { periodLabel, t, type Language } from '../../../bot/src/contract';
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
      <ChoiceSelect
        label={t(uiLang, 'tab.municipality')}
        allLabel={t(uiLang, 'tab.all')}
        choices={choices.owners.map((o) => ({ value: o.id, label: o.name }))}
        value={filter.owner}
        onChange={(owner) => onFilter({ ...filter, owner })}
      />
      <ChoiceSelect
        label={t(uiLang, 'tab.sector')}
        allLabel={t(uiLang, 'tab.all')}
        choices={choices.sectors.map((s) => ({ value: s, label: s }))}
        value={filter.sector}
        onChange={(sector) => onFilter({ ...filter, sector })}
      />
      <ChoiceSelect
        label={t(uiLang, 'column.responsible')}
        allLabel={t(uiLang, 'tab.all')}
        choices={choices.roles.map((r) => ({ value: r, label: r }))}
        value={filter.role}
        onChange={(role) => onFilter({ ...filter, role })}
      />
    </div>
  );
}

interface ChoiceSelectProps {
  label: string;
  allLabel: string;
  choices: { value: string; label: string }[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}

/** A filter with "all" first; shown only when it has something to choose. */
function ChoiceSelect({ label, allLabel, choices, value, onChange }: ChoiceSelectProps) {
  if (choices.length === 0) return null;
  return (
    <Field label={label}>
      <Select value={value ?? ALL} onChange={(_e, d) => onChange(d.value || undefined)}>
        <option value={ALL}>{allLabel}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
