/** A failed load, said in the person's language, with a way to try again. */
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { t, type Language } from '../../../bot/src/contract';
import { ApiRequestError } from '../api-client';

/** What went wrong, in words the person can act on: sign in, or the service's own message. */
export function loadFailure(lang: Language, error: unknown): string {
  if (error instanceof ApiRequestError && error.status === 401) return t(lang, 'tab.signInRequired');
  return t(lang, 'tab.loadFailed', { reason: error instanceof ApiRequestError ? error.message : String(error) });
}

export function ErrorBar({ lang, error, onRetry }: { lang: Language; error: unknown; onRetry: () => void }) {
  return (
    <MessageBar intent="error">
      <MessageBarBody>{loadFailure(lang, error)}</MessageBarBody>
      <Button onClick={onRetry}>{t(lang, 'tab.retry')}</Button>
    </MessageBar>
  );
}
