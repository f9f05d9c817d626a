// The core's incoming events are exactly the ones it answers: there is no "home opened" event an adapter could send
// and get an empty home back for; Slack's App Home asks bot.home() for its content instead.
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../src/core/events.js';
import type { Invocation } from '../../src/core/port.js';

const inv: Invocation = { platform: 'memory', team: 'T1', member: { id: 'U1' } };

describe('core events', () => {
  it('has no home event (type-checked by tsc: the directive fails the build if the event comes back)', () => {
    // @ts-expect-error — 'home' is not a core event.
    const home: CoreEvent = { kind: 'home', inv };
    const command: CoreEvent = { kind: 'command', inv, command: '/sojusz', text: 'help' };
    expect([home, command].map((e) => e.kind)).toEqual(['home', 'command']);
  });
});
