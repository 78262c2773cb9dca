import { bilingual } from '@kuaiban/calendar';
import { z } from 'zod';

type Path = readonly (string | number)[];

/** What a cross-field check may ask and report. */
export interface CheckContext {
  /**
   * True when no earlier problem lies at, above or below any of `paths`: the
   * fields there parsed and can be trusted.
   */
  readonly sound: (...paths: Path[]) => boolean;
  /** True when no earlier problem lies at or above `path`: the value there has its type. */
  readonly present: (path: Path) => boolean;
  readonly issue: (path: Path, message: string, zh: string) => void;
}

const startsWith = (
  path: readonly PropertyKey[],
  prefix: readonly PropertyKey[],
) => prefix.length <= path.length && prefix.every((key, i) => key === path[i]);

/**
 * A cross-field check that runs even when other fields failed, so that one
 * parse reports every problem: the check reads only the fields that
 * {@link CheckContext.sound} vouches for.
 */
export function crossFieldCheck<T>(
  check: (value: T, context: CheckContext) => void,
): z.core.$ZodCheck<T> {
  return z.superRefine<T>(
    (value, ctx) => {
      const prior = ctx.issues.map((issue) => issue.path ?? []);
      check(value, {
        sound: (...paths) =>
          paths.every((path) =>
            prior.every((p) => !startsWith(p, path) && !startsWith(path, p)),
          ),
        present: (path) => prior.every((p) => !startsWith(path, p)),
        issue: (path, message, zh) =>
          ctx.addIssue({
            code: 'custom',
            path: [...path],
            ...bilingual(message, zh),
          }),
      });
    },
    { when: () => true },
  );
}
