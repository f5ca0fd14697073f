/**
 * Choosing the plan file with a button in the person's language: the browser's own file input
 * says "Choose File" / "No file chosen" in the browser's language, whatever Teams speaks. The
 * native input stays in the page (hidden, out of the tab order) and does the choosing.
 */
import { Button, Label, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId, useRef } from 'react';
import { t, type Language } from '../../../bot/src/contract';

const ACCEPTED = '.docx,.pdf,.html,.htm,.xlsx,.csv,.txt,.tsv,.json';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { overflowWrap: 'anywhere' },
});

export function FileChooser(props: { lang: Language; chosen: string | undefined; onChoose: (file?: File) => void }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <div className={styles.field}>
      <Label id={`${id}-label`} required>
        {t(props.lang, 'import.file')}
      </Label>
      <div className={styles.row}>
        <input
          ref={input}
          type="file"
          accept={ACCEPTED}
          hidden
          tabIndex={-1}
          aria-labelledby={`${id}-label`}
          onChange={(e) => props.onChoose(e.target.files?.[0])}
        />
        <Button
          id={`${id}-button`}
          aria-labelledby={`${id}-label ${id}-button`}
          aria-describedby={`${id}-name`}
          onClick={() => input.current?.click()}
        >
          {t(props.lang, 'import.chooseFile')}
        </Button>
        <Text id={`${id}-name`} className={styles.name}>
          {props.chosen ?? t(props.lang, 'import.noFile')}
        </Text>
      </div>
    </div>
  );
}
