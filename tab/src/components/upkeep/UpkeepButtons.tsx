/**
 * The coordinator's upkeep buttons in the goal table: under a goal "Nytt tiltak" and (where the plan
 * has a deeper goal level) "Nytt mål"; beside a measure "Flytt" and "Slett". Each names its goal or
 * measure for a screen reader, as the edit button does.
 */
import { Button } from '@fluentui/react-components';
import type { GoalTableNode } from '../../../../bot/src/contract';
import { t, type Language } from '../../../../bot/src/contract';
import { takesSubGoals, type UpkeepAction } from './upkeep-action';

export function GoalUpkeepButtons(props: {
  node: GoalTableNode;
  levels: string[];
  lang: Language;
  onUpkeep: (action: UpkeepAction) => void;
}) {
  const { node, lang } = props;
  const goal = { id: node.id, number: node.number };
  return (
    <span lang={lang}>
      <Button
        size="small"
        appearance="subtle"
        aria-label={t(lang, 'upkeep.newMeasureUnder', { number: node.number })}
        onClick={() => props.onUpkeep({ kind: 'add-measure', goal })}
      >
        {t(lang, 'upkeep.newMeasure')}
      </Button>
      {takesSubGoals(node.level, props.levels) && (
        <Button
          size="small"
          appearance="subtle"
          aria-label={t(lang, 'upkeep.newGoalUnder', { number: node.number })}
          onClick={() => props.onUpkeep({ kind: 'add-goal', parent: goal })}
        >
          {t(lang, 'upkeep.newGoal')}
        </Button>
      )}
    </span>
  );
}

export function MeasureUpkeepButtons(props: {
  measure: { id: string; number: string };
  lang: Language;
  onUpkeep: (action: UpkeepAction) => void;
}) {
  const { measure, lang } = props;
  const measureRef = { id: measure.id, number: measure.number };
  return (
    <>
      <Button
        size="small"
        appearance="subtle"
        aria-label={t(lang, 'upkeep.moveLabel', { number: measure.number })}
        onClick={() => props.onUpkeep({ kind: 'move', measure: measureRef })}
      >
        {t(lang, 'upkeep.move')}
      </Button>
      <Button
        size="small"
        appearance="subtle"
        aria-label={t(lang, 'upkeep.deleteLabel', { number: measure.number })}
        onClick={() => props.onUpkeep({ kind: 'delete', measure: measureRef })}
      >
        {t(lang, 'upkeep.delete')}
      </Button>
    </>
  );
}
