import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { designFiles, designText } from './designFiles.js';

// Writes designs/*.json from the TypeScript sources, removing files of
// designs that no longer exist: `pnpm --filter @kuaiban/example-bashi-kuaiban designs`.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = designFiles();
mkdirSync(join(root, 'designs'), { recursive: true });
const wanted = new Set(files.map((file) => file.path));
for (const name of readdirSync(join(root, 'designs'))) {
  if (name.endsWith('.json') && !wanted.has(`designs/${name}`)) {
    rmSync(join(root, 'designs', name));
  }
}
for (const file of files) {
  writeFileSync(join(root, file.path), designText(file.design));
}
console.log(`wrote ${files.length} designs to ${join(root, 'designs')}`);
