/** The first cycle found in a graph of `needs` edges, as ids ending where it began. */
export function cycleIn(
  nodes: readonly { id: string; needs: readonly string[] }[],
): string[] {
  const needs = new Map(nodes.map((node) => [node.id, node.needs]));
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (id: string): string[] => {
    const start = path.indexOf(id);
    if (start >= 0) return [...path.slice(start), id];
    if (done.has(id)) return [];
    path.push(id);
    for (const next of needs.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle.length > 0) return cycle;
    }
    path.pop();
    done.add(id);
    return [];
  };
  for (const { id } of nodes) {
    const cycle = visit(id);
    if (cycle.length > 0) return cycle;
  }
  return [];
}
