// Names each module of the API reference after its package: the entry point
// packages/core/src/index.ts documents @kuaiban/core.
import { Converter } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.children ?? []) {
      const match = /^(?:packages\/)?([\w-]+)\/src$/.exec(module.name);
      if (match) module.name = `@kuaiban/${match[1]}`;
    }
  });
}
