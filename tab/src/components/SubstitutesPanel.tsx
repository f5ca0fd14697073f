/**
 * Substitutes (stedfortredere) for the plan: who answers for whom while they are away. Leaders see
 * the list; coordinators add and remove. Native selects and date inputs: keyboard and screen
 * readers know them, and Teams' themes style them.
 */
import { Button, Field, Input, makeStyles, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SubstitutesResponse } from '../../../bot/src/contract';
import { formatOsloDateTime, t, type Language, type MessageKey } from '../../../bot/src/contract';
import { api, ApiRequestError } from '../api-client';
import { useLoad } from '../data/use-load';
import { dateProblem, NoticeBar, osloDay, StaleNotice, usePanelStyles, type Notice } from './panel';

const useStyles = makeStyles({
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

export function SubstitutesPanel(props: { planId: string; lang: Language; canEdit: boolean }) {
  const { planId, lang, canEdit } = props;
  const styles = { ...usePanelStyles(), ...useStyles() };
  const { load: loaded, reload } = useLoad((signal) => api.substitutes(planId, signal), planId);
  const data: SubstitutesResponse | undefined = loaded.state === 'ready' ? loaded.value : undefined;
  const [message, setMessage] = useState<Notice>();
  const loadError = loaded.state === 'error' ? loaded.error : undefined;
  useEffect(() => {
    if (loadError) setMessage({ intent: 'error', text: failure(lang, loadError) });
  }, [loadError, lang]);
  const [form, setForm] = useState({ absentId: '', substituteId: '', from: osloDay(), to: osloDay() });
  const [busy, setBusy] = useState(false);
  // Problems are shown once the coordinator has tried to save, in their language, beside each field.
  const [tried, setTried] = useState(false);
  const problems = formProblems(lang, form);
  const shownProblem = (field: keyof typeof problems) =>
    tried && problems[field] ? { validationMessage: problems[field], validationState: 'error' as const } : {};

  const act = async (action: () => Promise<string>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage({ intent: 'success', text: await action() });
      reload({ quiet: true });
    } catch (e) {
      setMessage({ intent: 'error', text: failure(lang, e) });
    } finally {
      setBusy(false);
    }
  };

  if (!data)
    return loaded.state === 'loading' ? <Spinner label={t(lang, 'tab.loading')} /> : <NoticeBar notice={message} />;
  const day = (d: string) => formatOsloDateTime(`${d}T12:00:00Z`).date;
  const now = osloDay();
  const absentees = data.people.filter((p) => p.responsible);

  return (
    <section className={styles.panel} aria-labelledby="substitutes-heading">
      <h2 id="substitutes-heading" className={styles.heading}>
        {t(lang, 'substitutes.title')}
      </h2>
      <Text>{t(lang, 'substitutes.intro')}</Text>
      <NoticeBar notice={message} />
      <StaleNotice lang={lang} error={loaded.state === 'ready' ? loaded.error : undefined} />
      {data.substitutes.length === 0 ? (
        <Text>{t(lang, 'substitutes.none')}</Text>
      ) : (
        <ul className={styles.list}>
          {data.substitutes.map((s) => (
            <li key={s.id} className={styles.item}>
              <span>
                {t(lang, 'substitutes.entry', {
                  substitute: s.substitute.name,
                  absent: s.absent.name,
                  from: day(s.from),
                  to: day(s.to),
                })}{' '}
                {s.from <= now && now <= s.to ? t(lang, 'substitutes.active') : ''}
              </span>
              {canEdit && (
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() =>
                    void act(async () => {
                      await api.removeSubstitute(planId, s.id);
                      return t(lang, 'substitutes.removed', { absent: s.absent.name });
                    })
                  }
                >
                  {t(lang, 'substitutes.remove', { absent: s.absent.name })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form
          className={styles.form}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (Object.values(problems).some(Boolean)) return;
            void act(async () => {
              const saved = await api.setSubstitute(planId, form);
              return t(lang, 'substitutes.added', {
                substitute: saved.substitute.name,
                absent: saved.absent.name,
                from: day(saved.from),
                to: day(saved.to),
              });
            });
          }}
        >
          <Field label={t(lang, 'substitutes.absent')} required {...shownProblem('absentId')}>
            <Select value={form.absentId} onChange={(_e, d) => setForm({ ...form, absentId: d.value })}>
              <option value="">{t(lang, 'substitutes.choose')}</option>
              {absentees.map((p) => (
                <option key={p.userId} value={p.userId}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t(lang, 'substitutes.substitute')} required {...shownProblem('substituteId')}>
            <Select value={form.substituteId} onChange={(_e, d) => setForm({ ...form, substituteId: d.value })}>
              <option value="">{t(lang, 'substitutes.choose')}</option>
              {data.people
                .filter((p) => p.userId !== form.absentId)
                .map((p) => (
                  <option key={p.userId} value={p.userId}>
                    {p.name}
                  </option>
                ))}
            </Select>
          </Field>
          <Field label={t(lang, 'substitutes.from')} required {...shownProblem('from')}>
            <Input type="date" value={form.from} onChange={(_e, d) => setForm({ ...form, from: d.value })} />
          </Field>
          <Field label={t(lang, 'substitutes.to')} required {...shownProblem('to')}>
            <Input type="date" value={form.to} onChange={(_e, d) => setForm({ ...form, to: d.value })} />
          </Field>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t(lang, 'substitutes.add')}
          </Button>
        </form>
      )}
    </section>
  );
}

/** What is wrong with the form before it is sent; the service checks again (and more). */
function formProblems(
  lang: Language,
  form: { absentId: string; substituteId: string; from: string; to: string },
): Record<keyof typeof form, string | undefined> {
  const from = dateProblem(lang, form.from);
  const to = dateProblem(lang, form.to) ?? (!from && form.to < form.from ? t(lang, 'date.order') : undefined);
  return {
    absentId: form.absentId ? undefined : t(lang, 'substitutes.problem.absent'),
    substituteId: form.substituteId ? undefined : t(lang, 'substitutes.problem.substitute'),
    from,
    to,
  };
}

/** The service's reason in the person's words where it has one ("the period is already over"). */
function failure(lang: Language, e: unknown): string {
  const problem = e instanceof ApiRequestError ? (e.body as { problem?: string } | undefined)?.problem : undefined;
  if (problem) return t(lang, `substitutes.problem.${problem}` as MessageKey);
  return t(lang, 'substitutes.failed', { reason: (e as Error).message });
}
