/**
 * Importing a plan, for coordinators: choose a file as it is (Word, PDF, web page, workbook, CSV,
 * text, plan document) or paste the table (the clipboard's HTML when it has it, else its text),
 * see how it was read — with every warning tied to its place, and the columns' meanings to
 * correct (ImportReading) — give the facts the document does not state, and only then save. The
 * save sends the same file and choices again: the service parses it once more itself.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { ImportChoices, ImportPreview, ImportProblem, PlanFacts, PlanUpload } from '../../../bot/src/contract';
import { periodLabel, t, type Language, type MessageKey } from '../../../bot/src/contract';
import { ApiRequestError, api } from '../api-client';
import { GoalTableView } from './GoalTableView';
import { ImportReading } from './ImportReading';
import { FileChooser } from './FileChooser';
import { PasteBox, type PastedFile } from './PasteBox';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: '1400px',
  },
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
});

type Step =
  | { kind: 'choose' }
  | { kind: 'working'; label: string }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'problems'; problems: ImportProblem[] }
  | { kind: 'saved'; id: string; outcome: 'created' | 'replaced' };

export function ImportPage({ lang }: { lang: Language }) {
  const styles = useStyles();
  const [file, setFile] = useState<{ name: string; content: string }>();
  const [choices, setChoices] = useState<ImportChoices>({});
  const [facts, setFacts] = useState<PlanFacts>({});
  const [replace, setReplace] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string>();

  const upload = (override: ImportChoices = choices): PlanUpload | undefined =>
    file && {
      fileName: file.name,
      content: file.content,
      facts,
      choices: override,
      replace,
      lang: document.documentElement.lang,
    };

  const pasteFile = (pasted: PastedFile | undefined) => {
    setError(undefined);
    setStep({ kind: 'choose' });
    setChoices({});
    setFile(pasted);
  };

  const chooseFile = async (chosen: File | undefined) => {
    setError(undefined);
    setStep({ kind: 'choose' });
    setChoices({});
    if (!chosen) return setFile(undefined);
    setStep({ kind: 'working', label: t(lang, 'import.reading') });
    setFile({ name: chosen.name, content: await toBase64(chosen) });
    setStep({ kind: 'choose' });
  };

  const preview = async (event?: FormEvent, override: ImportChoices = choices) => {
    event?.preventDefault();
    const body = upload(override);
    if (!body) return;
    setChoices(override);
    setError(undefined);
    setStep({ kind: 'working', label: t(lang, 'import.checking') });
    try {
      setStep({ kind: 'preview', preview: await api.previewImport(body) });
    } catch (e) {
      fail(e);
    }
  };

  const save = async () => {
    const body = upload();
    if (!body) return;
    setStep({ kind: 'working', label: t(lang, 'import.saving') });
    try {
      const saved = await api.saveImport(body);
      setStep({ kind: 'saved', ...saved });
    } catch (e) {
      fail(e);
    }
  };

  const fail = (e: unknown) => {
    if (e instanceof ApiRequestError && e.problems.length > 0)
      return setStep({ kind: 'problems', problems: e.problems });
    setError(e instanceof Error ? e.message : String(e));
    setStep({ kind: 'choose' });
  };

  const missingFacts = step.kind === 'problems' ? step.problems.flatMap((p) => (p.fact ? [p.fact] : [])) : [];
  // A title read from a banner line is shown for the coordinator to confirm or correct.
  const confirmTitle = step.kind === 'preview' && step.preview.reading?.titleFromDocument === true;
  const factField = (fact: keyof PlanFacts) =>
    missingFacts.includes(fact) || facts[fact] !== undefined || (confirmTitle && fact === 'title');

  return (
    <main className={styles.page}>
      <h1 className={styles.title}>{t(lang, 'import.title')}</h1>
      <Text>
        {t(lang, 'import.intro')} <Link href={api.templateUrl}>{t(lang, 'import.template')}</Link>
      </Text>
      <form className={styles.form} onSubmit={preview}>
        <FileChooser lang={lang} chosen={file?.name} onChoose={(chosen) => void chooseFile(chosen)} />
        <PasteBox lang={lang} onPasted={pasteFile} />
        {(factField('title') || factField('owners') || factField('fromYear')) && (
          <>
            <Field label={t(lang, 'import.fact.title')} required={missingFacts.includes('title')}>
              <Input
                value={facts.title ?? ''}
                placeholder={step.kind === 'preview' ? step.preview.table.plan.title : undefined}
                onChange={(_e, d) => setFacts({ ...facts, title: d.value || undefined })}
              />
            </Field>
            <Field label={t(lang, 'import.fact.owner')} required={missingFacts.includes('owners')}>
              <Input
                value={facts.owners?.join('; ') ?? ''}
                onChange={(_e, d) =>
                  setFacts({ ...facts, owners: d.value ? d.value.split(';').map((o) => o.trim()) : undefined })
                }
              />
            </Field>
            <Field label={t(lang, 'import.fact.fromYear')} required={missingFacts.includes('fromYear')}>
              <Input
                type="number"
                value={facts.fromYear ? String(facts.fromYear) : ''}
                onChange={(_e, d) => setFacts({ ...facts, fromYear: d.value ? Number(d.value) : undefined })}
              />
            </Field>
            <Field label={t(lang, 'import.fact.toYear')}>
              <Input
                type="number"
                value={facts.toYear ? String(facts.toYear) : ''}
                onChange={(_e, d) => setFacts({ ...facts, toYear: d.value ? Number(d.value) : undefined })}
              />
            </Field>
            <Field label={t(lang, 'import.fact.language')}>
              <Select
                value={facts.language ?? ''}
                onChange={(_e, d) =>
                  setFacts({ ...facts, language: d.value === 'nb' || d.value === 'nn' ? d.value : undefined })
                }
              >
                <option value="">–</option>
                <option value="nb">Bokmål</option>
                <option value="nn">Nynorsk</option>
              </Select>
            </Field>
          </>
        )}
        <Button type="submit" appearance="primary" disabled={!file || step.kind === 'working'}>
          {t(lang, 'import.preview')}
        </Button>
      </form>

      {step.kind === 'working' && <ProgressBar aria-label={step.label} />}
      {step.kind === 'working' && <Text role="status">{step.label}</Text>}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {step.kind === 'problems' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t(lang, 'import.refused')}
            <ul className={styles.list}>
              {step.problems.map((p, i) => (
                <li key={i}>
                  {factLabel(p, lang)}: {p.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {step.kind === 'saved' && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {t(lang, step.outcome === 'created' ? 'import.saved' : 'import.replaced', { id: step.id })}{' '}
            <Link href={`./?plan=${encodeURIComponent(step.id)}`}>{t(lang, 'import.open')}</Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {step.kind === 'preview' && (
        <>
          <Text role="status">
            {t(lang, 'import.summary', {
              plan: `${step.preview.table.plan.owners.map((o) => o.name).join(', ')}: ${step.preview.table.plan.title}`,
              measures: step.preview.table.counts.measures,
              warnings: step.preview.warnings.length,
            })}
          </Text>
          {step.preview.warnings.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <ul className={styles.list}>
                  {step.preview.warnings.map((w, i) => (
                    <li key={i}>
                      {w.where}: {w.message}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {step.preview.reading && (
            <ImportReading
              reading={step.preview.reading}
              choices={choices}
              lang={lang}
              onApply={(next) => void preview(undefined, next)}
            />
          )}
          {step.preview.statuses.count > 0 && (
            <Text>
              {t(lang, 'import.statuses', {
                count: step.preview.statuses.count,
                period: periodLabel(lang, step.preview.statuses.periodId),
              })}
            </Text>
          )}
          {step.preview.exists && (
            <Checkbox
              checked={replace}
              onChange={(_e, d) => setReplace(d.checked === true)}
              label={t(lang, 'import.replace', { id: step.preview.table.plan.id })}
            />
          )}
          <div>
            <Button appearance="primary" onClick={() => void save()} disabled={step.preview.exists && !replace}>
              {t(lang, 'import.save')}
            </Button>
          </div>
          <GoalTableView table={step.preview.table} uiLang={lang} showStatus={false} />
        </>
      )}
    </main>
  );
}

const FACT_LABELS: Partial<Record<keyof PlanFacts, MessageKey>> = {
  title: 'import.fact.title',
  owners: 'import.fact.owner',
  fromYear: 'import.fact.fromYear',
  toYear: 'import.fact.toYear',
  language: 'import.fact.language',
};

function factLabel(problem: ImportProblem, lang: Language): string {
  const key = problem.fact && FACT_LABELS[problem.fact];
  return key ? t(lang, key) : problem.where;
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
