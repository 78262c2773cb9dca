import type { MachineGraph } from '@kuaiban/core';
import type { LaidEdge, Slot, StateSlot } from './machineLayout.js';
import {
  ANY_STATE,
  LABEL_LINE,
  layoutMachine,
  textWidth,
} from './machineLayout.js';

/** One machine drawn from the origin, to be placed in a document. */
export interface SvgPanel {
  readonly width: number;
  readonly height: number;
  /** SVG elements, drawn from (0, 0). */
  readonly body: string;
}

const MARGIN = 24;
const TITLE_HEIGHT = 48;
/** Room above the top row for the initial state's start marker. */
const START_HEIGHT = 28;

const n = (value: number): string => String(Math.round(value * 10) / 10);

const escapeXml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

type Point = readonly [number, number];

const centreX = (slot: Slot): number => slot.x + slot.width / 2;

/** Vertical-tangent curves through the points, as an SVG path. */
function through(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M ${n(first[0])} ${n(first[1])}`;
  let last = first;
  for (const point of rest) {
    const mid = (last[1] + point[1]) / 2;
    d += ` C ${n(last[0])} ${n(mid)} ${n(point[0])} ${n(mid)} ${n(point[0])} ${n(point[1])}`;
    last = point;
  }
  return d;
}

type Ports = (slot: Slot, side: 'top' | 'bottom', next: Slot) => number;

/**
 * Where edges meet a state: spread along its top and bottom, in the order of
 * the slots they come from or go to, so that they do not share one point.
 */
function portsOf(edges: readonly LaidEdge[]): Ports {
  const ends = new Map<string, Slot[]>();
  const note = (slot: Slot, side: string, next: Slot) => {
    const key = `${side} ${slot.id}`;
    const list = ends.get(key) ?? [];
    if (!list.includes(next)) list.push(next);
    ends.set(key, list);
  };
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    const route = edge.back ? [...edge.route].reverse() : edge.route;
    note(route[0] as Slot, 'bottom', route[1] as Slot);
    note(route.at(-1) as Slot, 'top', route.at(-2) as Slot);
  }
  for (const list of ends.values()) {
    list.sort((a, b) => centreX(a) - centreX(b));
  }
  return (slot, side, next) => {
    const list = ends.get(`${side} ${slot.id}`) ?? [next];
    const share = Math.min(slot.width / (list.length + 1), 24);
    const offset = list.indexOf(next) - (list.length - 1) / 2;
    return centreX(slot) + offset * share;
  };
}

/** The path of an edge along its route, from its source to its target. */
function pathOf(edge: LaidEdge, port: Ports): string {
  const [source, label] = edge.route as [Slot, Slot];
  if (edge.source === edge.target) {
    const bottom = source.y + source.height;
    const middle = label.y + label.height / 2;
    const right = label.x + label.width;
    return [
      `M ${n(centreX(source) + 12)} ${n(bottom)}`,
      `C ${n(centreX(source) + 12)} ${n(middle)} ${n(right + 12)} ${n(middle)} ${n(right)} ${n(middle)}`,
      `M ${n(label.x)} ${n(middle)}`,
      `C ${n(label.x - 12)} ${n(middle)} ${n(centreX(source) - 12)} ${n(middle)} ${n(centreX(source) - 12)} ${n(bottom)}`,
    ].join(' ');
  }
  // Drawn top to bottom, then reversed for edges that loop back up.
  const route = edge.back ? [...edge.route].reverse() : edge.route;
  const points: Point[] = [];
  route.forEach((slot, i) => {
    const x = centreX(slot);
    if (i === 0) {
      points.push([
        port(slot, 'bottom', route[1] as Slot),
        slot.y + slot.height,
      ]);
    } else if (i === route.length - 1) {
      points.push([port(slot, 'top', route[i - 1] as Slot), slot.y]);
    } else points.push([x, slot.y], [x, slot.y + slot.height]);
  });
  return through(edge.back ? points.reverse() : points);
}

function drawState(state: StateSlot): string {
  const dash = state.compound ? ' stroke-dasharray="5 3"' : '';
  const fill = state.id === ANY_STATE ? '#f4f4f4' : '#eef4fb';
  const parts = [
    `<rect x="${n(state.x)}" y="${n(state.y)}" width="${n(state.width)}" height="${n(state.height)}" rx="10" fill="${fill}" stroke="#35608f"${dash}/>`,
  ];
  if (state.final) {
    parts.push(
      `<rect x="${n(state.x + 3)}" y="${n(state.y + 3)}" width="${n(state.width - 6)}" height="${n(state.height - 6)}" rx="8" fill="none" stroke="#35608f"/>`,
    );
  }
  parts.push(
    `<text x="${n(centreX(state))}" y="${n(state.y + state.height / 2 + 4)}" text-anchor="middle" font-size="12">${escapeXml(state.label)}</text>`,
  );
  return `<g class="state" data-state="${escapeXml(state.id)}">${parts.join('')}</g>`;
}

function drawLabel(slot: Slot, lines: readonly string[]): string {
  const text = lines
    .map(
      (line, i) =>
        `<tspan x="${n(centreX(slot))}" y="${n(slot.y + 1 + LABEL_LINE * (i + 1))}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  return `<rect x="${n(slot.x)}" y="${n(slot.y)}" width="${n(slot.width)}" height="${n(slot.height)}" rx="3" fill="#ffffff" stroke="#dddddd"/><text text-anchor="middle" font-size="10" fill="#333333">${text}</text>`;
}

/**
 * A machine's states and transitions as an SVG panel: states in rows by a
 * layered layout (the initial state on top, marked with a dot), rounded
 * boxes (final states with a double border, states with children dashed),
 * transitions as arrows through their event labels (guards in the arrow's
 * tooltip). Transitions the root defines for every state start from an
 * "any state" box. The same graph always gives the same SVG.
 *
 * @example
 * machineSvgPanel(compiled.graph, { title: 'food-business-permit 食品经营许可', initial: 'case.submitted' });
 */
export function machineSvgPanel(
  graph: MachineGraph,
  options: {
    readonly title: string;
    readonly subtitle?: string;
    readonly initial?: string | undefined;
  },
): SvgPanel {
  const layout = layoutMachine(graph, options.initial);
  const top = TITLE_HEIGHT + START_HEIGHT;
  const initial = layout.states.find((s) => s.id === options.initial);
  const start = initial
    ? `<circle cx="${n(centreX(initial))}" cy="${n(initial.y - 22)}" r="6" fill="#333333"/><path d="M ${n(centreX(initial))} ${n(initial.y - 16)} L ${n(centreX(initial))} ${n(initial.y)}" stroke="#555555" marker-end="url(#kuaiban-arrow)"/>`
    : '';
  const port = portsOf(layout.edges);
  const arrows = layout.edges.map((edge) => {
    const tip = `${edge.source} → ${edge.target}: ${edge.tips.join('; ')}`;
    return `<path d="${pathOf(edge, port)}" fill="none" stroke="#555555" marker-end="url(#kuaiban-arrow)"><title>${escapeXml(tip)}</title></path>`;
  });
  const body = [
    `<text x="0" y="${-START_HEIGHT - 20}" font-size="15" font-weight="bold">${escapeXml(options.title)}</text>`,
    options.subtitle
      ? `<text x="0" y="${-START_HEIGHT - 4}" font-size="11" fill="#555555">${escapeXml(options.subtitle)}</text>`
      : '',
    start,
    ...arrows,
    ...layout.states.map(drawState),
    ...layout.labels.map((label) => drawLabel(label, label.lines)),
  ].join('\n');
  return {
    width: Math.ceil(
      Math.max(
        layout.width,
        textWidth(options.title, 15),
        textWidth(options.subtitle ?? '', 11),
      ) +
        2 * MARGIN,
    ),
    height: Math.ceil(layout.height + top + 2 * MARGIN),
    body: `<g transform="translate(${MARGIN} ${MARGIN + top})">\n${body}\n</g>`,
  };
}

/**
 * Panels one under another as a standalone SVG document, with one arrow
 * marker they share.
 */
export function svgDocument(
  title: string,
  panels: readonly SvgPanel[],
): string {
  const width = Math.max(...panels.map((p) => p.width));
  let y = 0;
  const placed = panels.map((panel) => {
    const group = `<g transform="translate(0 ${y})">\n${panel.body}\n</g>`;
    y += panel.height;
    return group;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" font-family="'Noto Sans', 'PingFang SC', 'Microsoft YaHei', sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    '<defs><marker id="kuaiban-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555555"/></marker></defs>',
    `<rect width="${width}" height="${y}" fill="#ffffff"/>`,
    ...placed,
    '</svg>',
    '',
  ].join('\n');
}
