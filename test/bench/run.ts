/**
 * `npm run bench [-- <name>…]`: prints figures, never fails on them (the machines are noisy).
 * Benchmarks: store (SharePoint store against the Graph stand-in), reminders (a round to 5 000
 * people over the Bot Connector stand-in), shared-reminders (a round worked by two instances through
 * Azure Storage on Azurite, against one instance), overview (the ledermøte's overview: API, first
 * render, JS size), import (a 50-page PDF and a 1 000-row workbook through the parse worker).
 */
import { benchImport } from './import';
import { benchOverview } from './overview';
import { benchReminders } from './reminders';
import { benchSharedReminders } from './shared-reminders';
import { benchStore } from './store';

const BENCHES: Record<string, () => Promise<void>> = {
  store: benchStore,
  reminders: benchReminders,
  'shared-reminders': benchSharedReminders,
  overview: benchOverview,
  import: benchImport,
};

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = names.filter((n) => !BENCHES[n]);
  if (unknown.length) {
    console.error(`Unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  for (const name of names.length ? names : Object.keys(BENCHES)) {
    console.log(`\n== ${name} ==`);
    await BENCHES[name]!();
  }
}

void main();
