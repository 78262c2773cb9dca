import { z } from 'zod';
import { ChainDefinitionSchema } from './chainDefinition.js';
import { ItemDefinitionSchema } from './itemDefinition.js';

/** A JSON Schema (draft 2020-12) document. */
export type JsonSchema = z.core.JSONSchema.BaseSchema;

function jsonSchemaOf(
  schema: z.ZodType,
  id: string,
  title: string,
  description: string,
): JsonSchema {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { io: 'input' });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    title,
    description,
    ...rest,
  };
}

/**
 * The JSON Schema of a service-item definition as authors write it (defaults
 * optional), for editors and portals. It checks the shape only: the
 * cross-field rules (SVC-CLASS, RQ-COND, RQ-DEADLINE …) are `defineItem`'s.
 *
 * @example
 * writeFileSync('item.schema.json', JSON.stringify(itemDefinitionJsonSchema(), null, 2));
 */
export function itemDefinitionJsonSchema(): JsonSchema {
  return jsonSchemaOf(
    ItemDefinitionSchema,
    'urn:kuaiban:schema:item-definition',
    'Kuaiban service item definition (事项定义)',
    'A service item: department, legal basis, reform mode, case kind, limits, materials, acceptance, review, issuance and rating. Cross-field rules are checked by defineItem.',
  );
}

/** The JSON Schema of a chain definition (一件事), items included. */
export function chainDefinitionJsonSchema(): JsonSchema {
  return jsonSchemaOf(
    ChainDefinitionSchema,
    'urn:kuaiban:schema:chain-definition',
    'Kuaiban chain definition (一件事链条定义)',
    'Service items in order, and what an earlier item’s result provides to a later one (SVC-SHARE). Cross-field rules are checked by defineChain.',
  );
}
