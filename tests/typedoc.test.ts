import { fileURLToPath } from 'node:url';
import type { DeclarationReflection, ProjectReflection } from 'typedoc';
import { Application, LogLevel, ReflectionKind } from 'typedoc';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = ['calendar', 'machines', 'core'];

/** TypeDoc on typedoc.json, for the packages every other one builds on. */
async function document(): Promise<{
  project: ProjectReflection | undefined;
  messages: string[];
}> {
  const app = await Application.bootstrapWithPlugins({
    options: `${root}typedoc.json`,
    entryPoints: packages.map((name) => `${root}packages/${name}/src/index.ts`),
    // The program core's sources import: calendar and machines, no tests.
    tsconfig: `${root}packages/core/tsconfig.json`,
    emit: 'none',
  });
  const messages: string[] = [];
  const log = app.logger.log.bind(app.logger);
  app.logger.log = (message, level) => {
    if (level >= LogLevel.Warn) messages.push(`${LogLevel[level]}: ${message}`);
    log(message, level);
  };
  const project = await app.convert();
  if (project) app.validate(project);
  return { project, messages };
}

describe('the API reference (TypeDoc)', () => {
  let project: ProjectReflection | undefined;
  let messages: string[] = [];
  beforeAll(async () => {
    ({ project, messages } = await document());
  }, 60_000);

  it('documents calendar, machines and core without a warning or an error', () => {
    expect(messages).toEqual([]);
    expect(project?.children?.map((m) => m.name).sort()).toEqual(
      packages.map((name) => `@kuaiban/${name}`).sort(),
    );
  });

  it.each([
    ['@kuaiban/calendar', 'createChinaCalendar'],
    ['@kuaiban/calendar', 'createDeadlineClock'],
    ['@kuaiban/machines', 'toMermaid'],
    ['@kuaiban/core', 'createEngine'],
    ['@kuaiban/core', 'machineGraph'],
  ])('%s documents %s with a summary and an example', (module, name) => {
    const found = project?.getChildByName([module, name]) as
      DeclarationReflection | undefined;
    expect(found?.kind).toBe(ReflectionKind.Function);
    const comment = found?.signatures?.[0]?.comment;
    expect(comment?.summary.map((part) => part.text).join('')).not.toBe('');
    expect(comment?.getTag('@example')).toBeDefined();
  });
});
