/**
 * Local development only (no Entra ID, this machine only): says so, and lets the developer act as
 * one of the directory's people to try what each role may do.
 */
import { Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { DevUsersResponse } from '../../../bot/src/contract';
import { t, type Language } from '../../../bot/src/contract';
import { useLoad } from '../data/use-load';
import { api, devUser, setDevUser } from '../api-client';

const useStyles = makeStyles({
  body: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL, minWidth: 0 },
  // The select's longest option must not widen the banner past a phone's width.
  picker: { width: '22rem', maxWidth: '100%', '& > *': { minWidth: 0 } },
});

const DEVELOPER = '';

export function DevBanner({ lang }: { lang: Language }) {
  const styles = useStyles();
  const { load } = useLoad((signal) => api.devUsers(signal), 'dev-users');
  const users: DevUsersResponse['users'] = load.state === 'ready' ? load.value.users : [];
  const choose = (userId: string) => {
    setDevUser(userId || undefined);
    location.reload();
  };
  return (
    <MessageBar intent="warning">
      <MessageBarBody className={styles.body}>
        {t(lang, 'tab.devBanner')}
        {users.length > 0 && (
          <Field label={t(lang, 'tab.devActAs')} orientation="horizontal" className={styles.picker}>
            <Select value={devUser() ?? DEVELOPER} onChange={(_e, d) => choose(d.value)}>
              <option value={DEVELOPER}>{t(lang, 'tab.devDeveloper')}</option>
              {users.map((u) => (
                <option key={u.userId} value={u.userId}>
                  {u.name} ({u.roles.join(', ') || '–'})
                </option>
              ))}
            </Select>
          </Field>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
