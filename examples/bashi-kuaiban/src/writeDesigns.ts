import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { fileText, generatedFiles } from './generatedFiles.js';

// Writes designs/*.json and scenarios/*.json from the TypeScript sources,
// removing files that no longer have a source:
// `pnpm --filter @kuaiban/example-bashi-kuaiban designs`.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = generatedFiles();
const wanted = new Set(files.map((file) => file.path));
for (const folder of ['designs', 'scenarios']) {
  mkdirSync(join(root, folder), { recursive: true });
  for (const name of readdirSync(join(root, folder))) {
    if (name.endsWith('.json') && !wanted.has(`${folder}/${name}`)) {
      rmSync(join(root, folder, name));
    }
  }
}
// Written as the repository's Prettier would write them, so that
// `prettier --check` and the generator agree.
for (const file of files) {
  const path = join(root, file.path);
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(
    path,
    await format(fileText(file), { ...options, filepath: path }),
  );
}
console.log(
  `wrote ${files.filter((f) => f.kind === 'design').length} designs and ${files.filter((f) => f.kind === 'scenario').length} scenarios under ${root}`,
);
