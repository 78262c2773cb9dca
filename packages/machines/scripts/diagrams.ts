/**
 * `pnpm diagrams`: writes the Mermaid diagram of each machine, generated from
 * the machine itself, into its page under docs/machines/. A test fails when a
 * page's diagram is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnyStateMachine } from 'xstate';
import { caseLifecycleMachine } from '../src/caseLifecycle.js';
import { deadlineClockMachine } from '../src/deadlineClock.js';
import { parallelApprovalMachine } from '../src/parallelApproval.js';
import { notificationCommitmentMachine } from '../src/notificationCommitment.js';
import { tolerantAcceptanceMachine } from '../src/tolerantAcceptance.js';
import { toMermaid } from '../src/toMermaid.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Each machine and the page that documents it. */
export const machineDocs: readonly {
  page: string;
  machine: AnyStateMachine;
}[] = [
  { page: 'docs/machines/deadline-clock.md', machine: deadlineClockMachine },
  {
    page: 'docs/machines/notification-commitment.md',
    machine: notificationCommitmentMachine,
  },
  {
    page: 'docs/machines/tolerant-acceptance.md',
    machine: tolerantAcceptanceMachine,
  },
  {
    page: 'docs/machines/parallel-approval.md',
    machine: parallelApprovalMachine,
  },
  { page: 'docs/machines/case-lifecycle.md', machine: caseLifecycleMachine },
];

const MARKER =
  '<!-- diagram: generated from the machine by `pnpm diagrams`; do not edit -->';
const BLOCK = /<!-- diagram[^>]*-->(\n+```mermaid\n[\s\S]*?\n```)?/;

/** `markdown` with its diagram block set to `diagram`. */
export function withDiagram(markdown: string, diagram: string): string {
  if (!BLOCK.test(markdown)) {
    throw new Error('The page has no <!-- diagram --> marker');
  }
  return markdown.replace(
    BLOCK,
    () => `${MARKER}\n\n\`\`\`mermaid\n${diagram}\n\`\`\``,
  );
}

export function readPage(page: string): string {
  return readFileSync(`${root}${page}`, 'utf8');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { page, machine } of machineDocs) {
    const updated = withDiagram(readPage(page), toMermaid(machine));
    writeFileSync(`${root}${page}`, updated);
    console.log(`wrote the diagram of ${machine.id} into ${page}`);
  }
}
