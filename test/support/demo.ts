/** The shipped demo data (Høylandet from the seed text, the Playground directory), for tests. */
import { join } from 'node:path';
import { FileDirectory } from '../../bot/src/adapters/directory/file-directory';
import { loadDemoPlans } from '../../bot/src/adapters/demo/demo-plans';
import type { Plan } from '../../bot/src/domain/plan';

export const ROOT = join(__dirname, '..', '..');
export const DEMO_PLANS_DIR = join(ROOT, 'bot/demo/plans');
export const DEMO_DIRECTORY_FILE = join(ROOT, 'bot/demo/directory.json');

export const HOYLANDET_ID = 'hoylandet-2023-2027';

/** DDØ's five municipalities, as the seed plan names them (bot/demo/plans/ddo-2017-2020.json). */
export const DDO_OWNERS = [
  { id: 'gjerstad', name: 'Gjerstad kommune' },
  { id: 'risor', name: 'Risør kommune' },
  { id: 'tvedestrand', name: 'Tvedestrand kommune' },
  { id: 'vegarshei', name: 'Vegårshei kommune' },
  { id: 'amli', name: 'Åmli kommune' },
];
/** Playground users (aadObjectId) as mapped in bot/demo/directory.json. */
export const ALEX = { userId: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber' }; // Fagleder digitalisering, coordinator
export const MEGAN = { userId: '00000000-0000-0000-0000-0000000000021', name: 'Megan Bowen' }; // Teknisk sjef
export const ADELE = { userId: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance' }; // Personalsjef

export function hoylandet(): Plan {
  const plan = loadDemoPlans(DEMO_PLANS_DIR).find((p) => p.id === HOYLANDET_ID);
  if (!plan) throw new Error('Høylandet demo plan missing');
  return plan;
}

export function demoDirectory(): FileDirectory {
  return FileDirectory.load(DEMO_DIRECTORY_FILE);
}

/** Every demo plan (one per seed strategy), in a stable order. */
export function demoPlans(): Plan[] {
  return loadDemoPlans(DEMO_PLANS_DIR).sort((a, b) => a.id.localeCompare(b.id));
}
