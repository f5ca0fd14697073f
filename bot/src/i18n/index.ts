/**
 * Every user-facing text: one catalog per language (nb.ts the reference, nn.ts, en.ts) and the
 * functions that format them (format.ts). To add a language, add its catalog and its code to
 * `Language` and `catalogs` in format.ts; the type checker names every key it still lacks.
 */
export type { Catalog, MessageKey } from './nb';
export {
  formatOsloDateTime,
  formatWhen,
  languageFromLocale,
  messageKeys,
  periodLabel,
  responsibleLabel,
  statusColumnLabel,
  statusLabel,
  t,
  type Language,
  type MessageParams,
} from './format';
