import type { AnyStateMachine, EventObject } from 'xstate';
import { createActor } from 'xstate';

/**
 * Runs `events` twice: straight through, and with the actor persisted
 * (`getPersistedSnapshot` → JSON → restore) before every event. Both runs must
 * end in the same persisted snapshot.
 */
export function runWithRestarts(
  machine: AnyStateMachine,
  input: unknown,
  events: readonly EventObject[],
): { straight: unknown; restarted: unknown } {
  const straight = createActor(machine, { input }).start();
  for (const event of events) straight.send(event);

  let persisted: unknown = createActor(machine, { input })
    .start()
    .getPersistedSnapshot();
  for (const event of events) {
    const restored = createActor(machine, {
      input,
      snapshot: JSON.parse(JSON.stringify(persisted)) as never,
    }).start();
    restored.send(event);
    persisted = restored.getPersistedSnapshot();
    restored.stop();
  }
  return {
    straight: JSON.parse(JSON.stringify(straight.getPersistedSnapshot())),
    restarted: JSON.parse(JSON.stringify(persisted)),
  };
}
