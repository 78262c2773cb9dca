import { defineConfig } from 'tsup';

export default defineConfig({
  // The worker is its own file: `simulate` starts it from beside the bundle.
  entry: ['src/index.ts', 'src/replicationWorker.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  shims: true,
  target: 'node20',
});
