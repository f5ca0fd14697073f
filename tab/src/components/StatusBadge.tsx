import { Badge, type BadgeProps } from '@fluentui/react-components';
import {
  ArrowCircleRightRegular,
  ArchiveRegular,
  CheckmarkCircleRegular,
  CircleRegular,
  DismissCircleRegular,
  QuestionCircleRegular,
  WarningRegular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { StatusCode } from '../../../bot/src/contract';
import { t, type Language } from '../../../bot/src/contract';

/** Status is told by text and icon shape as well as colour: never by colour alone. */
const LOOK: Record<StatusCode | 'closed' | 'none', { color: BadgeProps['color']; icon: ReactElement }> = {
  done: { color: 'success', icon: <CheckmarkCircleRegular /> },
  on_track: { color: 'brand', icon: <ArrowCircleRightRegular /> },
  delayed: { color: 'danger', icon: <WarningRegular /> },
  not_started: { color: 'warning', icon: <CircleRegular /> },
  cancelled: { color: 'subtle', icon: <DismissCircleRegular /> },
  closed: { color: 'subtle', icon: <ArchiveRegular /> },
  none: { color: 'informative', icon: <QuestionCircleRegular /> },
};

/** `closed`: the coordinator closed the measure (avsluttet), whatever was reported before. */
export function StatusBadge({ status, lang }: { status: StatusCode | 'closed' | undefined; lang: Language }) {
  const key = status ?? 'none';
  const look = LOOK[key];
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} data-status={key}>
      {t(lang, `status.${key}`)}
    </Badge>
  );
}
