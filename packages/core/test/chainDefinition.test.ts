import type { KuaibanError } from '@kuaiban/calendar';
import { isKuaibanError } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import type { ChainDefinitionInput } from '../src/chainDefinition.js';
import {
  ChainDefinitionSchema,
  defineChain,
  materialsRequested,
  providedMaterials,
} from '../src/chainDefinition.js';
import { chainDefinitionJsonSchema } from '../src/definitionJsonSchema.js';
import type { ItemDefinitionInput } from '../src/itemDefinition.js';

const marketRegulation = {
  id: 'market-regulation',
  name: 'Market regulation bureau',
  nameZh: '市场监督管理局',
};

const material = (
  id: string,
  nameZh: string,
  extra: Partial<ItemDefinitionInput['materials'][number]> = {},
) => ({ id, name: id, nameZh, primary: true, tolerable: false, ...extra });

const item = (
  id: string,
  nameZh: string,
  materials: ItemDefinitionInput['materials'],
): ItemDefinitionInput => ({
  id,
  name: id,
  nameZh,
  department: marketRegulation,
  legalBasis: '市场主体登记管理条例',
  reformMode: 'optimize',
  caseKind: 'promised',
  limits: { statutory: { days: 20, basis: '行政许可法 art. 42' } },
  materials,
  review: {
    mode: 'chain',
    steps: [{ id: 'review', name: 'Review', nameZh: '审查', role: 'reviewer' }],
  },
});

/** 企业开办 (营业执照): registration on the spot (市场主体登记管理条例 art. 19). */
const businessLicence: ItemDefinitionInput = {
  ...item('business-licence', '营业执照（企业开办）', [
    material('application', '设立登记申请书'),
    material('articles', '公司章程'),
  ]),
  caseKind: 'on-the-spot',
  limits: { statutory: { days: 3, basis: '市场主体登记管理条例 art. 19' } },
};

const foodPermit = item('food-business-permit', '食品经营许可', [
  material('application', '食品经营许可申请书'),
  material('licence-copy', '营业执照复印件', { primary: false }),
  material('premises-proof', '经营场所证明'),
  material('id-proof', '法定代表人身份证明', {
    sharedFrom: { item: 'resident-id', result: 'id-card' },
  }),
]);

const fireCheck = item(
  'fire-safety-check',
  '公众聚集场所投入使用、营业前消防安全检查',
  [
    material('application', '消防安全检查申请表'),
    material('licence-copy', '营业执照复印件', { primary: false }),
  ],
);

/** 开餐馆一件事: licence first, then the food permit and the fire check side by side. */
const restaurant = (): ChainDefinitionInput & {
  provides: NonNullable<ChainDefinitionInput['provides']>;
} => ({
  id: 'open-a-restaurant',
  name: 'Open a restaurant',
  nameZh: '开餐馆一件事',
  items: [
    { item: businessLicence },
    { item: foodPermit, after: ['business-licence'] },
    { item: fireCheck, after: ['business-licence'] },
  ],
  provides: [
    {
      from: 'business-licence',
      result: 'business-licence',
      to: 'food-business-permit',
      material: 'licence-copy',
    },
    {
      from: 'business-licence',
      result: 'business-licence',
      to: 'fire-safety-check',
      material: 'licence-copy',
    },
  ],
});

function errorOf(run: () => unknown): KuaibanError {
  try {
    run();
  } catch (error) {
    if (isKuaibanError(error)) return error;
    throw error;
  }
  throw new Error('expected a KuaibanError');
}

describe('defineChain: 开餐馆一件事', () => {
  it('is valid; after and provides default to empty', () => {
    const chain = defineChain(restaurant());
    expect(chain.items.map((e) => [e.item.id, e.after])).toEqual([
      ['business-licence', []],
      ['food-business-permit', ['business-licence']],
      ['fire-safety-check', ['business-licence']],
    ]);
    expect(
      defineChain({
        ...restaurant(),
        items: [{ item: businessLicence }],
        provides: undefined,
      }).provides,
    ).toEqual([]);
  });

  it('a provider may come before through another item', () => {
    const chain = restaurant();
    chain.items[2]!.after = ['food-business-permit'];
    chain.provides.push({
      from: 'business-licence',
      result: 'business-licence',
      to: 'fire-safety-check',
      material: 'application',
    });
    expect(() => defineChain(chain)).not.toThrow();
    chain.items[2]!.after = ['food-business-permit', 'business-licence'];
    expect(() => defineChain(chain)).not.toThrow();
  });
});

describe('SVC-SHARE: materialsRequested', () => {
  const chain = defineChain(restaurant());

  it('leaves out what earlier items provide and what is marked sharedFrom', () => {
    expect(
      materialsRequested(chain, 'food-business-permit').map((m) => m.id),
    ).toEqual(['application', 'premises-proof']);
    expect(materialsRequested(chain, 'fire-safety-check')).toEqual([
      expect.objectContaining({
        id: 'application',
        nameZh: '消防安全检查申请表',
      }),
    ]);
    expect(materialsRequested(chain, 'business-licence')).toHaveLength(2);
    expect(providedMaterials(chain, 'food-business-permit')).toEqual([
      'licence-copy',
    ]);
  });

  it('an item that is not in the chain is misuse', () => {
    const error = errorOf(() => materialsRequested(chain, 'tobacco-licence'));
    expect(error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'No item "tobacco-licence" in the chain "open-a-restaurant"',
      messageZh: '链条“open-a-restaurant”中没有事项“tobacco-licence”',
    });
  });
});

describe('defineChain: every problem, with its path, in English and Chinese', () => {
  it('ids, order, cycles, providers and materials, with the items’ own problems', () => {
    const chain = restaurant();
    chain.items.push(
      {
        item: { ...fireCheck, caseKind: 'joint' },
        after: ['fire-safety-check'],
      },
      {
        item: { ...foodPermit, id: 'a' },
        after: ['b', 'a', 'water-connection'],
      },
      { item: { ...foodPermit, id: 'b' }, after: ['a'] },
    );
    chain.provides.push(
      {
        from: 'food-business-permit',
        result: 'permit',
        to: 'fire-safety-check',
        material: 'application',
      },
      {
        from: 'tax',
        result: 'invoice',
        to: 'business-licence',
        material: 'articles',
      },
      {
        from: 'business-licence',
        result: 'licence',
        to: 'tobacco',
        material: 'x',
      },
      {
        from: 'business-licence',
        result: 'licence',
        to: 'food-business-permit',
        material: 'seal',
      },
    );
    const error = errorOf(() => defineChain(chain));
    expect(error.code).toBe('INVALID_DEFINITION');
    expect(error.issues.map((i) => [i.path.join('.'), i.messageZh])).toEqual([
      ['items.3.item.caseKind', expect.stringMatching(/^SVC-CLASS：/)],
      ['items.3.item.id', '事项“fire-safety-check”重复'],
      ['items.3.after.0', '“fire-safety-check”不是本链条中的其他事项'],
      ['items.4.after.1', '“a”不是本链条中的其他事项'],
      ['items.4.after.2', '“water-connection”不是本链条中的其他事项'],
      ['items', '事项先后顺序成环：a → b → a'],
      [
        'provides.2.from',
        'SVC-SHARE：“food-business-permit”须在“fire-safety-check”之前办理（直接或间接列入“fire-safety-check”的 after）才能提供其结果',
      ],
      ['provides.3.from', '本链条中没有事项“tax”'],
      ['provides.4.to', '本链条中没有事项“tobacco”'],
      ['provides.5.material', '事项“food-business-permit”没有材料“seal”'],
    ]);
    expect(error.message).toMatch(/^Invalid chain "open-a-restaurant": /);
    expect(error.message).toContain(
      'items: the order of items forms a cycle: a → b → a',
    );
    expect(error.messageZh).toMatch(/^链条“open-a-restaurant”无效：/);
  });

  it('problems inside provisions and items do not hide the others', () => {
    const chain = restaurant() as unknown as Record<string, unknown>;
    chain.items = [
      { item: businessLicence, after: 'first' },
      { item: null },
      { item: { ...foodPermit, materials: [null] } },
    ];
    chain.provides = [
      { from: 'business-licence', to: '' },
      {
        from: 'business-licence',
        result: 'business-licence',
        to: 'food-business-permit',
        material: 'seal',
      },
    ];
    const result = ChainDefinitionSchema.safeParse(chain);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'items.0.after',
      'items.1.item',
      'items.2.item.materials.0',
      'provides.0.result',
      'provides.0.to',
      'provides.0.material',
      // The order is judged; the material is not, as the materials are unreadable.
      'provides.1.from',
    ]);
    expect(
      ChainDefinitionSchema.safeParse({
        ...restaurant(),
        provides: 'none',
      }).error?.issues.map((i) => i.path.join('.')),
    ).toEqual(['provides']);
    expect(() => defineChain(null as never)).toThrow(
      /^Invalid chain: \(root\)/,
    );
    expect(
      ChainDefinitionSchema.safeParse({ ...restaurant(), items: [] }).error
        ?.issues[0]?.message,
    ).toBe('Expected at least one item');
  });
});

describe('chainDefinitionJsonSchema', () => {
  it('has $id and title, and a valid chain has every required key', () => {
    const schema = chainDefinitionJsonSchema() as {
      $id: string;
      title: string;
      required: string[];
      properties: {
        items: {
          items: {
            required: string[];
            properties: { item: { required: string[] } };
          };
        };
        provides: { items: { required: string[] } };
      };
    };
    expect(schema.$id).toBe('urn:kuaiban:schema:chain-definition');
    expect(schema.title).toBe('Kuaiban chain definition (一件事链条定义)');
    const chain = restaurant();
    expect(schema.required).toEqual(['id', 'name', 'nameZh', 'items']);
    for (const key of schema.required) expect(chain).toHaveProperty(key);
    expect(schema.properties.items.items.required).toEqual(['item']);
    for (const entry of chain.items) {
      for (const key of schema.properties.items.items.properties.item
        .required) {
        expect(entry.item).toHaveProperty(key);
      }
    }
    for (const provision of chain.provides ?? []) {
      for (const key of schema.properties.provides.items.required) {
        expect(provision).toHaveProperty(key);
      }
    }
  });
});
