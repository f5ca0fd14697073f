/** Outside Teams, before the tab may show anything: one button to sign in with the work account. */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { t, type Language } from '../../../bot/src/contract';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXXL,
  },
});

export function SignInPage(props: { lang: Language; signIn: () => Promise<void> }) {
  const styles = useStyles();
  const [failed, setFailed] = useState<string>();
  return (
    <main className={styles.page}>
      <h1>{t(props.lang, 'tab.appName')}</h1>
      <Text>{t(props.lang, 'signIn.why')}</Text>
      <Button
        appearance="primary"
        size="large"
        onClick={() => void props.signIn().catch((e: unknown) => setFailed((e as Error).message))}
      >
        {t(props.lang, 'signIn.button')}
      </Button>
      {failed && <Text role="alert">{t(props.lang, 'signIn.failed', { reason: failed })}</Text>}
    </main>
  );
}
