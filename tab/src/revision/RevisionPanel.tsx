/**
 * The yearly revision for coordinators: "Start revisjon", then — while a draft exists — what it
 * changes against the plan in force (in words, from the service's diff), the revised document read
 * in as the draft, a measure of the draft renumbered or reworded, and "Vedta" / "Forkast", each
 * behind a dialog saying what will happen. Every outcome is said in a live region; errors come in
 * the person's language from the service. A conflict (someone else changed the draft) reloads it.
 */
import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { RevisionResponse } from '../../../bot/src/contract';
import { formatOsloDateTime, t, type Language } from '../../../bot/src/contract';
import { ApiRequestError } from '../api-client';
import { GoalTableView } from '../components/GoalTableView';
import { ModalDialog } from '../components/ModalDialog';
import { NoticeBar, StaleNotice, usePanelStyles, type Notice } from '../components/panel';
import { useLoad } from '../data/use-load';
import { DraftMeasureDialog } from './DraftMeasureDialog';
import { RevisionImport } from './RevisionImport';
import { adoptConsequences, diffGroups, draftChangesNothing } from './revision-words';
import { revisionApi } from './revision-api';

const useStyles = makeStyles({ row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS } });

export function RevisionPanel(props: { planId: string; lang: Language; onAdopted: (said: string) => void }) {
  const { planId, lang } = props;
  const styles = usePanelStyles();
  const own = useStyles();
  // The versions' count says which number the plan in force will keep when the draft is adopted.
  const { load, reload } = useLoad(
    (signal) =>
      Promise.all([revisionApi.get(planId, signal), revisionApi.versions(planId, signal)]).then(
        ([draft, versions]) => ({
          draft,
          archiveAs: versions.current,
        }),
      ),
    planId,
  );
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<'adopt' | 'discard'>();
  const [editing, setEditing] = useState<string>();

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setNotice(undefined);
    try {
      setNotice({ intent: 'success', text: await work() });
    } catch (error) {
      const conflict = error instanceof ApiRequestError && error.status === 412;
      setNotice({
        intent: 'error',
        text: conflict ? t(lang, 'revision.changedElsewhere') : error instanceof Error ? error.message : String(error),
      });
    } finally {
      setBusy(false);
      reload({ quiet: true });
    }
  };

  const draft: RevisionResponse | undefined = load.state === 'ready' ? load.value.draft : undefined;
  const archiveAs = load.state === 'ready' ? load.value.archiveAs : 1;
  const editedMeasure = editing && draft ? findRow(draft, editing) : undefined;

  return (
    <section className={styles.panel} aria-labelledby="revision-heading">
      <h2 id="revision-heading" className={styles.heading}>
        {t(lang, 'revision.title')}
      </h2>
      <Text>{t(lang, 'revision.intro')}</Text>
      <NoticeBar notice={notice} />
      {load.state === 'ready' && <StaleNotice lang={lang} error={load.error} />}
      {load.state === 'loading' && <Spinner size="tiny" label={t(lang, 'tab.loading')} />}
      {load.state === 'error' && (
        <NoticeBar
          notice={{ intent: 'error', text: t(lang, 'tab.loadFailed', { reason: (load.error as Error).message }) }}
        />
      )}
      {load.state === 'ready' && !draft && (
        <div>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() =>
              act(async () => {
                await revisionApi.start(planId);
                return t(lang, 'revision.started');
              })
            }
          >
            {t(lang, 'revision.start')}
          </Button>
        </div>
      )}
      {draft && (
        <>
          <Text>
            {t(lang, 'revision.startedBy', {
              date: formatOsloDateTime(draft.startedAt).date,
              name: draft.startedBy.name,
            })}
          </Text>
          <h3 className={styles.heading}>{t(lang, 'revision.changes')}</h3>
          {draftChangesNothing(draft.diff) ? (
            <Text>{t(lang, 'revision.noChanges')}</Text>
          ) : (
            diffGroups(lang, draft.diff).map((group) => (
              <div key={group.kind} data-diff={group.kind}>
                <h4 className={styles.heading}>{group.heading}</h4>
                <ul className={styles.list}>
                  {group.items.map((item) => (
                    <li key={item.id}>{item.text}</li>
                  ))}
                </ul>
              </div>
            ))
          )}
          {draft.diff.unchanged > 0 && <Text>{t(lang, 'revision.unchanged', { count: draft.diff.unchanged })}</Text>}
          <RevisionImport
            lang={lang}
            busy={busy}
            onImport={(upload) =>
              act(async () => {
                await revisionApi.importDocument(planId, upload, draft.version);
                return t(lang, 'revision.imported');
              })
            }
          />
          <div className={own.row}>
            <Button appearance="primary" disabled={busy} onClick={() => setConfirming('adopt')}>
              {t(lang, 'revision.adopt')}
            </Button>
            <Button disabled={busy} onClick={() => setConfirming('discard')}>
              {t(lang, 'revision.discard')}
            </Button>
          </div>
          <h3 className={styles.heading}>{t(lang, 'revision.draft')}</h3>
          <GoalTableView table={draft.table} uiLang={lang} showStatus={false} onEdit={setEditing} />
          <ModalDialog open={confirming !== undefined} onClose={() => setConfirming(undefined)}>
            {confirming && (
              <DialogBody>
                <DialogTitle>
                  {t(lang, confirming === 'adopt' ? 'revision.adoptTitle' : 'revision.discardTitle')}
                </DialogTitle>
                <DialogContent>
                  {(confirming === 'adopt'
                    ? adoptConsequences(lang, draft.diff, archiveAs)
                    : [t(lang, 'revision.discardConfirm')]
                  ).map((line) => (
                    <p key={line}>{line}</p>
                  ))}
                </DialogContent>
                <DialogActions>
                  <Button
                    appearance="primary"
                    onClick={() => {
                      const what = confirming;
                      setConfirming(undefined);
                      void act(async () => {
                        if (what === 'discard') {
                          await revisionApi.discard(planId, draft.version);
                          return t(lang, 'revision.discarded');
                        }
                        const adopted = await revisionApi.adopt(planId, draft.version);
                        const said = t(lang, 'revision.adopted', { version: adopted.version - 1 });
                        props.onAdopted(said);
                        return said;
                      });
                    }}
                  >
                    {t(lang, confirming === 'adopt' ? 'revision.adoptButton' : 'revision.discardButton')}
                  </Button>
                  <Button onClick={() => setConfirming(undefined)}>{t(lang, 'revision.cancel')}</Button>
                </DialogActions>
              </DialogBody>
            )}
          </ModalDialog>
          <ModalDialog open={editedMeasure !== undefined} onClose={() => setEditing(undefined)}>
            {editedMeasure && (
              <DraftMeasureDialog
                lang={lang}
                measure={editedMeasure}
                onClose={() => setEditing(undefined)}
                onSave={(edit) => {
                  setEditing(undefined);
                  void act(async () => {
                    await revisionApi.editMeasure(planId, editedMeasure.id, edit, draft.version);
                    return t(lang, 'revision.saved', { number: edit.number ?? editedMeasure.number });
                  });
                }}
              />
            )}
          </ModalDialog>
        </>
      )}
    </section>
  );
}

type Node = RevisionResponse['table']['goals'][number];

function findRow(draft: RevisionResponse, measureId: string): Node['measures'][number] | undefined {
  const walk = (nodes: Node[]): Node['measures'][number] | undefined => {
    for (const node of nodes) {
      const found = node.measures.find((m) => m.id === measureId) ?? walk(node.children);
      if (found) return found;
    }
    return undefined;
  };
  return walk(draft.table.goals);
}
