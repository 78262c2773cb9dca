import { describe, expectTypeOf, it } from 'vitest';
import type { ActorRefFrom, OutputFrom } from 'xstate';
import type {
  TolerantAcceptanceEvent,
  TolerantAcceptanceInput,
  TolerantAcceptanceOutput,
  tolerantAcceptanceMachine,
} from '../src/tolerantAcceptance.js';

describe('tolerant acceptance types', () => {
  it('takes the input with defaults optional and ends with the output union', () => {
    expectTypeOf<TolerantAcceptanceInput['noticeDays']>().toEqualTypeOf<
      number | undefined
    >();
    expectTypeOf<
      OutputFrom<typeof tolerantAcceptanceMachine>
    >().toEqualTypeOf<TolerantAcceptanceOutput>();
    expectTypeOf<
      Extract<TolerantAcceptanceOutput, { outcome: 'lapsed' }>['consequence']
    >().toEqualTypeOf<
      'revoke-acceptance' | 'deemed-withdrawn' | 'refuse' | 'terminate'
    >();
  });

  it('accepts only its own events, each with an actor and a date', () => {
    type Send = ActorRefFrom<typeof tolerantAcceptanceMachine>['send'];
    expectTypeOf<
      Parameters<Send>[0]
    >().toEqualTypeOf<TolerantAcceptanceEvent>();
    expectTypeOf<TolerantAcceptanceEvent['at']>().toEqualTypeOf<string>();
    expectTypeOf<TolerantAcceptanceEvent['type']>().toEqualTypeOf<
      | 'MATERIALS_CHECKED'
      | 'ISSUE_NOTICE'
      | 'MATERIALS_SUPPLIED'
      | 'ACCEPT_TOLERANCE'
      | 'DECLINE_TOLERANCE'
      | 'SUPPLEMENT'
      | 'WITHDRAW'
      | 'TICK'
    >();
  });
});
