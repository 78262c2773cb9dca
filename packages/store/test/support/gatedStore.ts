import type { CaseStore } from '@kuaiban/core';

/**
 * A store whose commits wait at a gate until `open()`: writers that read
 * the same case version then commit at the same moment, so a race is
 * certain rather than likely. `arrived` resolves when `count` commits wait.
 */
export function gatedStore(store: CaseStore): {
  store: CaseStore;
  arrived: (count: number) => Promise<void>;
  open: () => void;
} {
  let waiting = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const watchers: { count: number; resolve: () => void }[] = [];
  return {
    store: {
      ...store,
      async commit(change) {
        waiting++;
        for (const w of watchers) if (waiting >= w.count) w.resolve();
        await gate;
        return store.commit(change);
      },
    },
    arrived: (count) =>
      new Promise((resolve) => {
        if (waiting >= count) resolve();
        else watchers.push({ count, resolve });
      }),
    open: () => release(),
  };
}
