import { KuaibanError, bilingual, parseWith } from '@kuaiban/calendar';
import { z } from 'zod';
import type { ItemMaterial } from './itemDefinition.js';
import {
  ItemDefinitionSchema,
  definitionLabel,
  requestedMaterials,
} from './itemDefinition.js';
import type { CheckContext } from './itemDefinitionChecks.js';
import { cycleIn } from '@kuaiban/machines';
import { crossFieldCheck } from './itemDefinitionChecks.js';

const Text = z
  .string()
  .trim()
  .min(1, bilingual('Must not be empty', '不能为空'));

/** What an earlier item's result provides to a later one (SVC-SHARE). */
export const ProvisionSchema = z.strictObject({
  /** The item whose result is shared. */
  from: Text,
  /** The result (licence, certificate, record) shared, e.g. `business-licence`. */
  result: Text,
  /** The later item that no longer asks for `material`. */
  to: Text,
  material: Text,
});
export type Provision = z.output<typeof ProvisionSchema>;

const ChainFieldsSchema = z.strictObject({
  id: Text,
  name: Text,
  nameZh: Text,
  items: z
    .array(
      z.strictObject({
        item: ItemDefinitionSchema,
        /** Ids of the items that must be done first: a graph without cycles. */
        after: z.array(Text).default([]),
      }),
    )
    .min(1, bilingual('Expected at least one item', '至少应有一个事项')),
  provides: z.array(ProvisionSchema).default([]),
});

export type ChainDefinition = z.output<typeof ChainFieldsSchema>;
export type ChainDefinitionInput = z.input<typeof ChainFieldsSchema>;

/** Every item `id` waits for, directly or through others. */
function predecessors(
  after: ReadonlyMap<string, readonly string[]>,
  id: string,
): Set<string> {
  const found = new Set<string>();
  const queue = [...(after.get(id) ?? [])];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (found.has(next)) continue;
    found.add(next);
    queue.push(...(after.get(next) ?? []));
  }
  return found;
}

function checkChain(
  chain: ChainDefinition,
  { sound, present, issue }: CheckContext,
): void {
  if (!present(['items'])) return;
  // The order graph: each item once (its first entry), edges to other items.
  const after = new Map<string, readonly string[]>();
  // Each item's material ids, or null where they could not all be read.
  const materialIds = new Map<string, ReadonlySet<string> | null>();
  chain.items.forEach((entry, index) => {
    const at = ['items', index, 'item'];
    if (!sound([...at, 'id'])) return;
    if (after.has(entry.item.id)) {
      issue(
        ['items', index, 'item', 'id'],
        `item "${entry.item.id}" is listed twice`,
        `事项“${entry.item.id}”重复`,
      );
    } else {
      after.set(
        entry.item.id,
        sound(['items', index, 'after']) ? entry.after : [],
      );
      const { materials } = entry.item;
      const readable =
        present([...at, 'materials']) &&
        materials.every((_, i) => sound([...at, 'materials', i, 'id']));
      materialIds.set(
        entry.item.id,
        readable ? new Set(materials.map((m) => m.id)) : null,
      );
    }
  });
  chain.items.forEach((entry, index) => {
    if (!present(['items', index, 'after'])) return;
    entry.after.forEach((earlier, at) => {
      if (earlier === entry.item.id || !after.has(earlier)) {
        issue(
          ['items', index, 'after', at],
          `"${earlier}" is not another item of this chain`,
          `“${earlier}”不是本链条中的其他事项`,
        );
      }
    });
  });
  for (const [id, needs] of after) {
    after.set(
      id,
      needs.filter((earlier) => earlier !== id && after.has(earlier)),
    );
  }
  const cycle = cycleIn([...after].map(([id, needs]) => ({ id, needs })));
  if (cycle.length > 0) {
    issue(
      ['items'],
      `the order of items forms a cycle: ${cycle.join(' → ')}`,
      `事项先后顺序成环：${cycle.join(' → ')}`,
    );
  }
  if (!present(['provides'])) return;
  chain.provides.forEach((provision, index) => {
    if (sound(['provides', index])) {
      checkProvision(provision, index, after, materialIds, issue);
    }
  });
}

function checkProvision(
  { from, to, material }: Provision,
  index: number,
  after: ReadonlyMap<string, readonly string[]>,
  materialIds: ReadonlyMap<string, ReadonlySet<string> | null>,
  issue: CheckContext['issue'],
): void {
  const at = (key: string) => ['provides', index, key];
  if (!after.has(from)) {
    issue(
      at('from'),
      `no item "${from}" in this chain`,
      `本链条中没有事项“${from}”`,
    );
  }
  if (!after.has(to)) {
    issue(at('to'), `no item "${to}" in this chain`, `本链条中没有事项“${to}”`);
    return;
  }
  if (after.has(from) && !predecessors(after, to).has(from)) {
    issue(
      at('from'),
      `SVC-SHARE: "${from}" must come before "${to}" (list it, directly or through others, in the after of "${to}") to provide its result`,
      `SVC-SHARE：“${from}”须在“${to}”之前办理（直接或间接列入“${to}”的 after）才能提供其结果`,
    );
  }
  if (materialIds.get(to)?.has(material) === false) {
    issue(
      at('material'),
      `item "${to}" has no material "${material}"`,
      `事项“${to}”没有材料“${material}”`,
    );
  }
}

/**
 * A chain of service items (一件事): the items, the order they are done in,
 * and what one item's result provides to a later item (SVC-SHARE).
 */
export const ChainDefinitionSchema = ChainFieldsSchema.check(
  crossFieldCheck<ChainDefinition>(checkChain),
);

/**
 * Validates a chain: item ids unique, `after` naming other items without a
 * cycle, every provider done before the item it provides to, every provided
 * material one of that item's. Throws a `KuaibanError`
 * (`INVALID_DEFINITION`) listing every problem with its path.
 *
 * @example
 * const chain = defineChain({
 *   id: 'open-a-restaurant', name: 'Open a restaurant', nameZh: '开餐馆一件事',
 *   items: [{ item: businessLicence }, { item: foodPermit, after: ['business-licence'] }],
 *   provides: [{ from: 'business-licence', result: 'licence',
 *     to: 'food-business-permit', material: 'licence-copy' }],
 * });
 * materialsRequested(chain, 'food-business-permit'); // without licence-copy
 */
export function defineChain(chain: ChainDefinitionInput): ChainDefinition {
  return parseWith(ChainDefinitionSchema, chain, {
    code: 'INVALID_DEFINITION',
    ...definitionLabel(chain, 'chain', '链条'),
  });
}

/** Ids of the item's materials that earlier items of the chain provide. */
export function providedMaterials(
  chain: ChainDefinition,
  itemId: string,
): string[] {
  return chain.provides.filter((p) => p.to === itemId).map((p) => p.material);
}

/**
 * The materials the applicant is asked for in one item of a chain: the
 * item's own, minus those earlier items provide and those marked
 * `sharedFrom` (SVC-SHARE, 免提交).
 */
export function materialsRequested(
  chain: ChainDefinition,
  itemId: string,
): ItemMaterial[] {
  const entry = chain.items.find((e) => e.item.id === itemId);
  if (!entry) {
    throw new KuaibanError({
      code: 'INVALID_ARGUMENT',
      message: `No item "${itemId}" in the chain "${chain.id}"`,
      messageZh: `链条“${chain.id}”中没有事项“${itemId}”`,
      details: { chain: chain.id, item: itemId },
    });
  }
  return requestedMaterials(entry.item, providedMaterials(chain, itemId));
}
