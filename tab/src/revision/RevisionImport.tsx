/** The revised document read in as the draft: the import page's file chooser and paste box. */
import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { PlanUpload } from '../../../bot/src/contract';
import { t, type Language } from '../../../bot/src/contract';
import { FileChooser } from '../components/FileChooser';
import { PasteBox } from '../components/PasteBox';
import { usePanelStyles } from '../components/panel';

export function RevisionImport(props: { lang: Language; busy: boolean; onImport: (upload: PlanUpload) => void }) {
  const { lang } = props;
  const styles = usePanelStyles();
  const [file, setFile] = useState<{ name: string; content: string }>();
  return (
    <div className={styles.panel}>
      <h3 className={styles.heading}>{t(lang, 'revision.import')}</h3>
      <Text>{t(lang, 'revision.importHint')}</Text>
      <FileChooser
        lang={lang}
        chosen={file?.name}
        onChoose={(chosen) => {
          if (!chosen) return setFile(undefined);
          void toBase64(chosen).then((content) => setFile({ name: chosen.name, content }));
        }}
      />
      <PasteBox lang={lang} onPasted={setFile} />
      <div>
        <Button
          disabled={props.busy || !file}
          onClick={() =>
            file && props.onImport({ fileName: file.name, content: file.content, lang: document.documentElement.lang })
          }
        >
          {t(lang, 'revision.importButton')}
        </Button>
      </div>
    </div>
  );
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
