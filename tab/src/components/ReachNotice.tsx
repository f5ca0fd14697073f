/**
 * For the coordinator, above the goal table and in the round panel: the measures no round reaches
 * because no one answers for them, and role holders asked nothing because their directory entry
 * names no municipality (docs/directory.md). Warnings, not alerts: they stand until fixed.
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { GoalTableReach } from '../../../bot/src/contract';
import { t, type Language } from '../../../bot/src/contract';

/** Beyond this many, the numbers are cut short: the table marks every one of them. */
const SHOWN = 12;

export function ReachNotice(props: { reach: GoalTableReach | undefined; lang: Language }) {
  const { reach, lang } = props;
  if (!reach) return null;
  const { unreached, unplaced } = reach;
  const numbers = unreached.slice(0, SHOWN).join(', ') + (unreached.length > SHOWN ? ' …' : '');
  return (
    <>
      {unreached.length > 0 && (
        <MessageBar intent="warning" data-testid="unreached">
          <MessageBarBody>{t(lang, 'reach.unreached', { count: unreached.length, numbers })}</MessageBarBody>
        </MessageBar>
      )}
      {unplaced.map((p) => (
        <MessageBar key={p.name} intent="warning">
          <MessageBarBody>{t(lang, 'reach.unplaced', { name: p.name, roles: p.roles.join(', ') })}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
