/**
 * One measure in "Mine tiltak": what it is, its answer so far, and its status, comment and value
 * to fill in or change. A fieldset named by the measure, with native controls under visible labels,
 * so a screen reader says which measure each field belongs to; read-only while the period is shut.
 */
import { Button, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { MyMeasure } from '../../../bot/src/contract';
import { MAX_COMMENT_LENGTH, STATUS_CODES, formatOsloDateTime, t, type Language } from '../../../bot/src/contract';
import { isChanged, type Draft, type ProblemField } from '../data/my-measures';
import { NoticeBar, type Notice } from './panel';
import { StatusBadge } from './StatusBadge';

const useStyles = makeStyles({
  measure: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    minWidth: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    overflowWrap: 'anywhere',
  },
  fields: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, '& > *': { minWidth: 0 } },
  comment: { flexGrow: 1, flexBasis: '18rem' },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  subtle: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export interface MyMeasureFormProps {
  measure: MyMeasure;
  draft: Draft;
  lang: Language;
  readOnly: boolean;
  busy: boolean;
  /** Why the last attempt did not go through, beside the field it concerns. */
  problem?: { field: ProblemField; text: string } | undefined;
  notice?: Notice | undefined;
  onChange: (draft: Draft) => void;
  onSave: () => void;
}

export function MyMeasureForm(props: MyMeasureFormProps) {
  const { measure: m, draft, lang, readOnly } = props;
  const styles = useStyles();
  const changed = isChanged(draft, m.current);
  const idBase = `mine-${m.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const problemOf = (field: ProblemField) =>
    props.problem?.field === field ? { validationMessage: props.problem.text, validationState: 'error' as const } : {};
  const unit = m.indicator.kind === 'numeric' ? m.indicator.unit : undefined;
  return (
    <fieldset className={styles.measure} data-my-measure={m.number} aria-describedby={`${idBase}-about`}>
      <legend className={styles.legend}>
        {m.number} {m.text}
      </legend>
      <div id={`${idBase}-about`} className={styles.line}>
        <StatusBadge status={m.current?.status} lang={lang} />
        {m.current && (
          <Text size={200} className={styles.subtle}>
            {t(lang, 'card.answeredBy', { name: m.current.reportedBy, ...formatOsloDateTime(m.current.reportedAt) })}
          </Text>
        )}
        {m.answersFor && <Text size={200}>{t(lang, 'mine.answersFor', { name: m.answersFor })}</Text>}
      </div>
      {m.indicator.text && (
        <Text size={200} className={styles.subtle}>
          {t(lang, 'card.indicator', { text: m.indicator.text })}
          {m.indicator.kind === 'numeric' && m.indicator.target !== undefined
            ? ` · ${t(lang, 'mine.target', { target: `${m.indicator.target}${unit ? ` ${unit}` : ''}` })}`
            : ''}
        </Text>
      )}
      {!m.current && m.previous && (
        <Text size={200} className={styles.subtle}>
          {t(lang, 'card.previous', {
            answer: [t(lang, `status.${m.previous.status}`), m.previous.value, m.previous.comment]
              .filter((p) => p !== undefined && p !== '')
              .join(' · '),
          })}
        </Text>
      )}
      <div className={styles.fields}>
        <Field label={t(lang, 'card.statusLabel', { number: m.number })} {...problemOf('status')}>
          <Select
            value={draft.status}
            disabled={readOnly}
            onChange={(_e, d) => props.onChange({ ...draft, status: d.value as Draft['status'] })}
          >
            <option value="">{t(lang, 'card.statusPlaceholder')}</option>
            {STATUS_CODES.map((code) => (
              <option key={code} value={code}>
                {t(lang, `status.${code}`)}
              </option>
            ))}
          </Select>
        </Field>
        {m.municipalities && (
          <Field label={t(lang, 'card.organisationLabel', { number: m.number })} {...problemOf('organisation')}>
            <Select
              value={draft.organisationId ?? m.organisationId ?? ''}
              disabled={readOnly}
              onChange={(_e, d) => props.onChange({ ...draft, organisationId: d.value || undefined })}
            >
              {!m.organisationId && <option value="">{t(lang, 'card.organisationPlaceholder')}</option>}
              {m.municipalities.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {m.indicator.kind === 'numeric' && (
          <Field
            label={
              unit
                ? t(lang, 'card.valueLabelUnit', { number: m.number, unit })
                : t(lang, 'card.valueLabel', { number: m.number })
            }
            {...problemOf('value')}
          >
            <Input
              inputMode="decimal"
              value={draft.value}
              readOnly={readOnly}
              onChange={(_e, d) => props.onChange({ ...draft, value: d.value })}
            />
          </Field>
        )}
        <Field className={styles.comment} label={t(lang, 'card.commentLabel', { number: m.number })}>
          <Textarea
            value={draft.comment}
            readOnly={readOnly}
            resize="vertical"
            maxLength={MAX_COMMENT_LENGTH}
            onChange={(_e, d) => props.onChange({ ...draft, comment: d.value })}
          />
        </Field>
      </div>
      {m.benefits?.length ? (
        <fieldset className={styles.measure}>
          <legend className={styles.legend}>{t(lang, 'benefit.realised.heading')}</legend>
          <div className={styles.fields}>
            {m.benefits.map((b) => {
              const type = t(lang, `benefit.${b.type}`);
              const set = (text: string) =>
                props.onChange({ ...draft, benefits: { ...draft.benefits, [b.type]: text } });
              return b.unit === 'qualitative' ? (
                <Field key={b.type} className={styles.comment} label={t(lang, 'benefit.realised.comment', { type })}>
                  <Textarea
                    value={draft.benefits?.[b.type] ?? ''}
                    readOnly={readOnly}
                    resize="vertical"
                    onChange={(_e, d) => set(d.value)}
                  />
                </Field>
              ) : (
                <Field
                  key={b.type}
                  label={t(lang, 'benefit.realised.label', { type, unit: t(lang, `benefit.unit.${b.unit ?? 'NOK'}`) })}
                >
                  <Input
                    inputMode="decimal"
                    value={draft.benefits?.[b.type] ?? ''}
                    readOnly={readOnly}
                    onChange={(_e, d) => set(d.value)}
                  />
                </Field>
              );
            })}
          </div>
        </fieldset>
      ) : null}
      {!readOnly && (
        <div className={styles.line}>
          <Button
            appearance={changed ? 'primary' : 'secondary'}
            disabled={!changed || props.busy}
            onClick={props.onSave}
          >
            {t(lang, 'mine.save', { number: m.number })}
          </Button>
          {changed && <Text size={200}>{t(lang, 'mine.unsaved')}</Text>}
        </div>
      )}
      <NoticeBar notice={props.notice} />
    </fieldset>
  );
}
