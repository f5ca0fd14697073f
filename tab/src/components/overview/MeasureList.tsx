/** Measures as a list of buttons that open each one's history, with its status beside it. */
import { Button, Text } from '@fluentui/react-components';
import type { OverviewMeasure } from '../../../../bot/src/contract';
import { t, type Language } from '../../../../bot/src/contract';
import { StatusBadge } from '../StatusBadge';

export function MeasureList(props: {
  measures: OverviewMeasure[];
  lang: Language;
  planLang: Language;
  onOpen: (measureId: string) => void;
}) {
  if (props.measures.length === 0) return <Text>{t(props.lang, 'overview.change.none')}</Text>;
  return (
    <ul>
      {props.measures.map((m) => (
        <li key={m.id}>
          <Button appearance="transparent" onClick={() => props.onOpen(m.id)}>
            <span lang={props.planLang}>
              {m.number} {m.text}
            </span>
          </Button>{' '}
          <StatusBadge status={m.status === 'not_reported' ? undefined : m.status} lang={props.lang} />
        </li>
      ))}
    </ul>
  );
}
