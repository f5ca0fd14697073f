/** The dialog for the upkeep action a coordinator asked for in the goal table (upkeep-action.ts). */
import type { GoalTableNode } from '../../../../bot/src/contract';
import type { Language } from '../../../../bot/src/contract';
import { ModalDialog } from '../ModalDialog';
import { DeleteMeasureDialog } from './DeleteMeasureDialog';
import { MoveMeasureDialog } from './MoveMeasureDialog';
import { NewItemDialog } from './NewItemDialog';
import type { UpkeepAction } from './upkeep-action';

export function UpkeepDialog(props: {
  planId: string;
  action: UpkeepAction | undefined;
  goals: GoalTableNode[];
  lang: Language;
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const { action, planId, lang, onClose, onDone } = props;
  const common = { planId, lang, onClose, onDone };
  return (
    <ModalDialog open={Boolean(action)} onClose={onClose}>
      {action?.kind === 'add-measure' && <NewItemDialog {...common} kind="measure" parent={action.goal} />}
      {action?.kind === 'add-goal' && (
        <NewItemDialog {...common} kind="goal" {...(action.parent ? { parent: action.parent } : {})} />
      )}
      {action?.kind === 'move' && <MoveMeasureDialog {...common} measure={action.measure} goals={props.goals} />}
      {action?.kind === 'delete' && <DeleteMeasureDialog {...common} measure={action.measure} />}
    </ModalDialog>
  );
}
