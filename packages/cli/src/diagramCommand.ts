import { createChinaCalendar } from '@kuaiban/calendar';
import type { CompiledItem } from '@kuaiban/core';
import { compileItem } from '@kuaiban/core';
import { toMermaid } from '@kuaiban/machines';
import { Command } from 'commander';
import { z } from 'zod';
import { parseArguments } from './arguments.js';
import type { Design } from './design.js';
import { designItems, readDesign } from './design.js';
import type { CliIO } from './io.js';
import { machineSvgPanel, svgDocument } from './machineSvg.js';

const DiagramFlags = z.object({
  format: z.enum(['mermaid', 'svg']).default('mermaid'),
});

const titleOf = ({ definition }: CompiledItem): string =>
  `${definition.id} ${definition.nameZh}`;

/**
 * What the item puts into the machine, in one line: the machine is the same
 * case lifecycle for every item; the case kind, limits, acceptance routes and
 * review are what differ.
 */
export function designSummary({ definition: item }: CompiledItem): string {
  const { statutory, promised } = item.limits;
  const limits = `${statutory.days}${promised ? ` (promised ${promised.days})` : ''} ${statutory.unit}`;
  const acceptance = [
    'standard',
    ...(item.acceptance.tolerant
      ? [`容缺 ${item.acceptance.tolerant.supplementDays} days`]
      : []),
    ...(item.acceptance.commitment ? ['告知承诺'] : []),
  ].join(' / ');
  const review =
    item.review.mode === 'chain'
      ? `steps ${item.review.steps.map((step) => step.id).join(' → ')}`
      : `parallel ${item.review.departments.map((d) => d.id).join(', ')} (join ${item.review.join.policy})`;
  return `${item.caseKind} · ${limits} · acceptance ${acceptance} · review ${review}`;
}

/** The id of the machine's initial state, for the start marker. */
function initialOf(compiled: CompiledItem): string | undefined {
  const root = compiled.machine.root as unknown as {
    initial?: { target: readonly { id: string }[] };
  };
  return root.initial?.target[0]?.id;
}

/**
 * Mermaid text: the diagram itself for one item; for a chain, Markdown with
 * a heading and a fenced diagram per item, in chain order.
 */
export function designMermaid(
  design: Design,
  compiled: readonly CompiledItem[],
): string {
  if (design.kind === 'item' && compiled[0]) {
    return `${toMermaid(compiled[0].machine)}\n`;
  }
  const sections = compiled.map(
    (item) =>
      `## ${titleOf(item)}\n\n\`\`\`mermaid\n${toMermaid(item.machine)}\n\`\`\`\n`,
  );
  const name = design.kind === 'chain' ? design.chain.nameZh : '';
  return [`# ${name}\n`, ...sections].join('\n');
}

/** A standalone SVG: one panel per item, one under another. */
export function designSvg(
  design: Design,
  compiled: readonly CompiledItem[],
): string {
  const title =
    design.kind === 'chain'
      ? `${design.chain.id} ${design.chain.nameZh}`
      : `${design.item.id} ${design.item.nameZh}`;
  return svgDocument(
    title,
    compiled.map((item) =>
      machineSvgPanel(item.graph, {
        title: titleOf(item),
        subtitle: designSummary(item),
        initial: initialOf(item),
      }),
    ),
  );
}

/** `kuaiban diagram <design> [--format mermaid|svg]`. */
export function diagramCommand(io: CliIO): Command {
  return new Command('diagram')
    .description(
      'the state machine a design compiles to, as Mermaid or SVG (状态图)',
    )
    .argument('<design>', 'a design JSON file: one service item, or a chain')
    .option(
      '--format <format>',
      'mermaid (text for Markdown) or svg (a standalone picture)',
      'mermaid',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  kuaiban diagram food-permit.design.json\n  kuaiban diagram food-permit.design.json --format svg > food-permit.svg',
    )
    .action((path: string, raw: unknown) => {
      const flags = parseArguments(DiagramFlags, raw);
      const design = readDesign(io, path);
      const calendar = createChinaCalendar();
      const compiled = designItems(design).map((item) =>
        compileItem(item, { calendar }),
      );
      io.stdout(
        flags.format === 'svg'
          ? designSvg(design, compiled)
          : designMermaid(design, compiled),
      );
    });
}
