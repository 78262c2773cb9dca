import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDemo } from './runDemo.js';

// 八事快办 end to end. Output goes to .tmp/bashi-kuaiban/ at the repository
// root, or to the directory given as the first argument.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ok = await runDemo({
  out: resolve(process.argv[2] ?? join(root, '.tmp', 'bashi-kuaiban')),
  print: (line = '') => console.log(line),
  // pnpm runs this in the package folder: show paths from the repository root.
  shown: (path) => relative(root, path) || '.',
  // Progress on one line of a terminal; nothing in a log.
  progress: (text) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
  },
});
if (!ok) process.exitCode = 1;
