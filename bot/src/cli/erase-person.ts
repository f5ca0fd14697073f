/**
 * `npm run erase-person -- <entra-object-id> --yes`: erases a person's identity from the store
 * (status reports and audit entries get a pseudonym; statuses and comments stay as the
 * municipality's record). Remove the person from the directory (bot/demo/directory.json or Entra ID)
 * separately. Without --yes it only says what it would do.
 */
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { erasePerson } from '../app/erase-person';
import { loadConfigOrExit } from '../config';
import { openCliStore, openCliSubstitutes, runCli } from './run-cli';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const userId = args.find((a) => !a.startsWith('--'));
  if (!userId || args.some((a) => a.startsWith('--') && a !== '--yes')) {
    console.error('Usage: npm run erase-person -- <entra-object-id> --yes');
    return 2;
  }
  const config = loadConfigOrExit();
  const store = await openCliStore(config);
  try {
    if (!args.includes('--yes')) {
      console.error(`Would erase ${userId} from ${store.describe}. Run again with --yes to do it.`);
      return 0;
    }
    const { username } = userInfo();
    const result = await erasePerson(
      {
        personalData: store.personalData,
        substitutes: await openCliSubstitutes(config, store),
        realisedBenefits: store.realisedBenefits,
        plans: store.plans,
        versions: store.versions,
        clock: { now: () => new Date() },
        ids: { newId: () => randomUUID() },
      },
      userId,
      { userId: `cli:${username}`, name: `${username} (npm run erase-person)` },
    );
    console.error(
      `Erased ${userId}: ${result.reports} status reports, ${result.auditEntries} audit entries, ${result.substitutions} substitutions, ${result.realisedBenefits} realised benefits and ${result.planTexts} plans, drafts or plan versions now name a pseudonym` +
        (result.plans.length ? ` (plans: ${result.plans.join(', ')}).` : '.'),
    );
    return 0;
  } finally {
    await store.close();
  }
}

runCli(main);
