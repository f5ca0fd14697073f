/**
 * Whether the tab is as narrow as a phone (Teams mobile is where many leaders open it): below this
 * width the goal table becomes one card per measure. Rendered as one or the other, not both with
 * CSS hiding one, so that the page holds each measure once (for screen readers and for tests).
 */
import { useEffect, useState } from 'react';

/** Wide enough for the table's columns to hold their words; 360–414 px phones are well below it. */
export const NARROW_QUERY = '(max-width: 699px)';

export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => matchMedia(NARROW_QUERY).matches);
  useEffect(() => {
    const query = matchMedia(NARROW_QUERY);
    const changed = () => setNarrow(query.matches);
    changed();
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return narrow;
}
