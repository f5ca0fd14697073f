/**
 * The import page's paste box: a table copied from Word, Excel or a web page and pasted here is
 * sent as the clipboard's `text/html` (which keeps its cells) when there is one, else as its plain
 * text — in both cases as a file (innlimt.html, innlimt.txt), read like any uploaded one.
 */
import { Button, Field, Text, Textarea, makeStyles } from '@fluentui/react-components';
import { useState, type ClipboardEvent } from 'react';
import { t, type Language } from '../../../bot/src/contract';

const useStyles = makeStyles({ paste: { flexGrow: 1, minWidth: '16rem' } });

export interface PastedFile {
  name: string;
  /** base64 of the UTF-8 text */
  content: string;
}

export function PasteBox({ lang, onPasted }: { lang: Language; onPasted: (file: PastedFile | undefined) => void }) {
  const styles = useStyles();
  const [pasted, setPasted] = useState<{ kind: 'html' | 'text'; text: string; length: number }>();

  const paste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    event.preventDefault();
    const html = event.clipboardData.getData('text/html');
    const text = event.clipboardData.getData('text/plain');
    if (!html && !text) return;
    setPasted({ kind: html ? 'html' : 'text', text, length: (html || text).length });
    onPasted({ name: html ? 'innlimt.html' : 'innlimt.txt', content: utf8Base64(html || text) });
  };
  const clear = () => {
    setPasted(undefined);
    onPasted(undefined);
  };

  return (
    <>
      <Field label={t(lang, 'import.paste.label')} hint={t(lang, 'import.paste.hint')} className={styles.paste}>
        <Textarea value={pasted?.text ?? ''} onPaste={paste} resize="vertical" readOnly={pasted !== undefined} />
      </Field>
      {pasted && (
        <div>
          <Text role="status">
            {t(lang, 'import.paste.received', {
              kind: t(lang, pasted.kind === 'html' ? 'import.paste.html' : 'import.paste.text'),
              count: pasted.length,
            })}
          </Text>{' '}
          <Button appearance="subtle" onClick={clear}>
            {t(lang, 'import.paste.clear')}
          </Button>
        </div>
      )}
    </>
  );
}

/** Text as UTF-8, base64: the way a file's bytes travel to the service. */
function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
