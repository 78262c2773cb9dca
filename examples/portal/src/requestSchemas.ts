import { parseWith } from '@kuaiban/calendar';
import { CaseApplicationSchema } from '@kuaiban/core';
import { CaseCommandSchema } from '@kuaiban/machines';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requestError } from './httpErrors.js';

const Text = z.string().trim().min(1).max(200);

/** `POST /api/login`: a demo user and their password. */
export const LoginRequestSchema = z.strictObject({
  userId: Text,
  password: z.string().min(1).max(200),
});

/**
 * `POST /api/cases`: the application, as the engine takes it, without the
 * applicant (the token says who) or the handler (the item names one).
 */
export const SubmitRequestSchema = CaseApplicationSchema.pick({
  route: true,
  providedMaterials: true,
}).extend({ itemId: Text, commandId: Text.optional() });

type ObjectSchema = z.ZodObject<z.ZodRawShape>;
type Union = { options: readonly (ObjectSchema | Union)[] };

const flatten = (union: Union): ObjectSchema[] =>
  union.options.flatMap((option) =>
    'options' in option ? flatten(option) : [option],
  );

/**
 * The body of `POST /api/cases/:id/commands` for each command type: the
 * engine's own command schema without `actor` (the token says who) and `at`
 * (the engine dates it), plus an optional `commandId`. `TICK` is the
 * scheduler's, not a client's.
 */
export const commandRequestSchemas: ReadonlyMap<string, z.ZodType> = new Map(
  flatten(CaseCommandSchema as unknown as Union)
    .map((schema) => {
      const type = (schema.shape.type as unknown as { value: string }).value;
      const body = schema
        .omit({ actor: true, at: true })
        .extend({ commandId: Text.optional() });
      return [type, body] as const;
    })
    .filter(([type]) => type !== 'TICK'),
);

/** Validates a request body; an `INVALID_REQUEST` error lists every problem. */
export function parseRequest<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  what: string,
  whatZh: string,
): z.output<Schema> {
  return parseWith(schema, body ?? {}, {
    code: 'INVALID_REQUEST',
    what,
    whatZh,
  });
}

/** The body of a command request, checked against its type's schema. */
export function parseCommandRequest(body: unknown): {
  type: string;
  commandId?: string;
} & Record<string, unknown> {
  const { type } = parseRequest(
    z.looseObject({ type: Text }),
    body,
    'command request',
    '指令请求',
  );
  const schema = commandRequestSchemas.get(type);
  if (!schema) {
    throw requestError(
      'invalid',
      `Unknown command "${type}"; known: ${[...commandRequestSchemas.keys()].join(', ')}`,
      `未知指令“${type}”；可用指令：${[...commandRequestSchemas.keys()].join('、')}`,
      { type },
    );
  }
  return parseRequest(schema, body, `command ${type}`, `指令 ${type}`) as {
    type: string;
    commandId?: string;
  } & Record<string, unknown>;
}

const CaseParamsSchema = z.strictObject({
  id: z.string().min(1).max(200),
});

/** The case id in a `/…/:id` path, checked. */
export const caseIdOf = (request: FastifyRequest): string =>
  parseRequest(CaseParamsSchema, request.params, 'case path', '办件路径').id;
