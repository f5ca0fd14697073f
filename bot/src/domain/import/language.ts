/**
 * Bokmål or nynorsk? Counts words that only one of them uses. A municipality picks one for its
 * documents; the importer proposes it and the coordinator can override.
 */
import type { PlanLanguage } from '../plan';

const NYNORSK = [
  'ikkje',
  'eg',
  'dei',
  'kva',
  'korleis',
  'frå',
  'kvar',
  'gjennomførleg',
  'auka',
  'tilsette',
  'eit',
  'vere',
  'vert',
  'difor',
  'berre',
  'nokre',
  'òg',
];
const BOKMAL = [
  'ikke',
  'jeg',
  'de',
  'hva',
  'hvordan',
  'fra',
  'hver',
  'økt',
  'ansatte',
  'et',
  'være',
  'blir',
  'derfor',
  'bare',
  'noen',
  'også',
];

export function guessLanguage(text: string): PlanLanguage {
  const words = text.toLocaleLowerCase('nb').match(/\p{L}+/gu) ?? [];
  const nn = new Set(NYNORSK);
  const nb = new Set(BOKMAL);
  let score = 0;
  for (const word of words) {
    if (nn.has(word)) score += 1;
    else if (nb.has(word)) score -= 1;
  }
  return score > 0 ? 'nn' : 'nb';
}
