import type { ChainDefinition, ItemDefinition } from '@kuaiban/core';
import { defineChain, defineItem } from '@kuaiban/core';
import { namingFile } from './arguments.js';
import type { CliIO } from './io.js';
import { readJsonFile } from './readJsonFile.js';

/** A design file: one service item, or a chain of items. */
export type Design =
  | { readonly kind: 'item'; readonly item: ItemDefinition }
  | { readonly kind: 'chain'; readonly chain: ChainDefinition };

/**
 * Reads a design from a JSON file: an item definition, or a chain (an
 * object with `items: [{ item, after }]`). Unreadable files, bad JSON and
 * invalid designs are `INVALID_ARGUMENT` / `INVALID_DEFINITION` errors that
 * name the file.
 */
export function readDesign(io: CliIO, path: string): Design {
  const json = readJsonFile(io, path);
  const isChain =
    typeof json === 'object' &&
    json !== null &&
    Array.isArray((json as { items?: unknown }).items);
  return namingFile(path, () =>
    isChain
      ? { kind: 'chain', chain: defineChain(json as never) }
      : { kind: 'item', item: defineItem(json as never) },
  );
}

/** The design's items, in order (one for an item design). */
export function designItems(design: Design): readonly ItemDefinition[] {
  return design.kind === 'item'
    ? [design.item]
    : design.chain.items.map((entry) => entry.item);
}
