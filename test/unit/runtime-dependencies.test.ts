/**
 * The service runs from its runtime dependencies alone (`npm ci && npm run build && npm prune
 * --omit=dev` still starts it and serves the built tab): everything the service's code imports,
 * followed from its entry point, is a Node built-in or in package.json's `dependencies`; the tab's
 * packages (React, Fluent UI, MSAL for browsers, teams-js) are bundled into dist/tab at build time.
 */
import { builtinModules } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../support/demo';

function packagesImportedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (fileName.startsWith('.')) {
        const base = resolve(dirname(file), fileName);
        const found = [`${base}.ts`, join(base, 'index.ts')].find(existsSync);
        if (found) visit(found);
      } else {
        const name = fileName.startsWith('@') ? fileName.split('/').slice(0, 2).join('/') : fileName.split('/')[0];
        packages.add(name ?? fileName);
      }
    }
  };
  visit(entry);
  return packages;
}

it('needs nothing of the development dependencies to run', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const imported = [...packagesImportedFrom(join(ROOT, 'bot/src/main.ts'))].filter((p) => !builtins.has(p));
  expect(imported.length).toBeGreaterThan(5);
  expect(imported.filter((p) => !(p in manifest.dependencies))).toEqual([]);
  for (const frontEnd of [
    'react',
    'react-dom',
    '@fluentui/react-components',
    '@azure/msal-browser',
    '@microsoft/teams-js',
  ])
    expect(manifest.dependencies).not.toHaveProperty(frontEnd);
});
