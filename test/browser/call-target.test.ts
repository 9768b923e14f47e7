import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/call.js';
import type { AcsCall } from '../../src/call/acs-call.js';
import { readCallTarget } from '../../src/calling/call-target.js';
import type { AcsErrorCode } from '../../src/core/errors.js';
import { createTestToken } from '../../src/testing/index.js';
import { acsEvent } from './support/events.js';
import { button, callElement, hasButton, join, shadow, strings } from './support/call-fixture.js';
import { en, ja } from './support/strings.js';

const GROUP = '29228d3e-040e-4656-a70e-890ab4e173e5';

/** Every malformed target attribute, with the code it must be reported with. */
const INVALID: [Record<string, string>, AcsErrorCode][] = [
  [{ 'group-id': 'team-standup' }, 'invalid-group-id'],
  [{ 'group-id': '29228d3e040e4656a70e890ab4e173e5x' }, 'invalid-group-id'],
  [{ 'room-id': 'room 12' }, 'invalid-room-id'],
  [{ 'meeting-link': 'javascript:alert(1)' }, 'invalid-meeting-link'],
  [{ 'meeting-link': 'https://evil.example/l/meetup-join/19%3ameeting_abc%40thread.v2/0' }, 'invalid-meeting-link'],
  [{ 'meeting-link': 'http://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0' }, 'invalid-meeting-link'],
  [{ callee: '8:acs:resource_ana, ana@contoso.com' }, 'invalid-callee'],
  [{ callee: '425 555 0100', 'alternate-caller-id': '+18005550100' }, 'invalid-callee'],
  [{ callee: '+14255550100' }, 'missing-caller-id'],
];

/** A session as a token service answers it, from the emulator or from Azure: no `callEngine`, so the element picks the engine. */
function sessionFrom(emulator: boolean) {
  return () => ({
    token: createTestToken({ userId: '8:acs:resource_caller' }),
    userId: '8:acs:resource_caller',
    endpoint: 'https://x.communication.azure.com/',
    emulator,
  });
}

async function bareCall(attributes: Record<string, string>, emulator: boolean): Promise<AcsCall> {
  const el = document.createElement('acs-call');
  el.tokenProvider = sessionFrom(emulator);
  el.camera = 'off';
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await fixture(html`<div>${el}</div>`);
  return el;
}

describe('call targets', function () {
  this.timeout(20000);

  it('reads every well-formed target kind', () => {
    expect(readCallTarget({ groupId: ` ${GROUP.toUpperCase()} ` }, true)).to.deep.equal({ kind: 'group', groupId: GROUP.toUpperCase() });
    for (const roomId of ['999126454', '99117812428622880', '999058871389949120'])
      expect(readCallTarget({ roomId }, true)).to.deep.equal({ kind: 'room', roomId });
    for (const meetingLink of [
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d',
      'https://teams.microsoft.com/meet/2451234567890?p=AbCdEf',
      'https://teams.live.com/meet/9312345678901?p=xyz',
      'https://gov.teams.microsoft.us/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    ]) {
      expect(readCallTarget({ meetingLink }, true)).to.deep.equal({ kind: 'meeting', meetingLink });
    }
    const callee = '8:acs:resource_ana, 8:orgid:00000000-0000-0000-0000-000000000001, 8:teamsvisitor:abc, 28:orgid:app, +14255550100, 4:+442079460958';
    expect(readCallTarget({ callee, alternateCallerId: '+18005550100' }, true)).to.deep.include({ kind: 'people', alternateCallerId: '+18005550100' });
    expect(readCallTarget({}, false)).to.equal(undefined);
  });

  it('refuses each malformed target kind with its own code', () => {
    for (const [attributes, code] of INVALID) {
      const properties = {
        groupId: attributes['group-id'],
        roomId: attributes['room-id'],
        meetingLink: attributes['meeting-link'],
        callee: attributes.callee,
        alternateCallerId: attributes['alternate-caller-id'],
      };
      expect(() => readCallTarget(properties, false), JSON.stringify(attributes))
        .to.throw()
        .with.property('code', code);
    }
  });

  for (const [attributes, code] of INVALID) {
    it(`says at load that ${JSON.stringify(attributes)} is wrong (${code}), with no Join or Start`, async () => {
      const failed = acsEvent(document, 'acs-error');
      const { el, engine } = await callElement({ attributes });
      expect((await failed).detail.code).to.equal(code);
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="error"]')?.textContent).to.contain(en.errors[code]);
      expect(hasButton(el, strings.join) || hasButton(el, strings.startCall), 'a Join or Start button is offered').to.equal(false);
      expect(engine.agents, 'an engine was used for a target that cannot be called').to.have.length(0);
      await expect(el).to.be.accessible();
    });
  }

  for (const emulator of [true, false]) {
    it(`reports a malformed group-id at load with the ${emulator ? 'emulator' : 'SDK'} engine too, localized`, async () => {
      const failed = acsEvent(document, 'acs-error');
      const el = await bareCall({ 'group-id': 'standup', lang: 'ja' }, emulator);
      expect((await failed).detail.code).to.equal('invalid-group-id');
      await waitUntil(() => shadow(el).textContent.includes(ja.errors['invalid-group-id']), 'the error is not shown in Japanese');
      expect(hasButton(el, ja.call.join)).to.equal(false);
    });
  }

  it('clears the error when the attribute is corrected, and joins', async () => {
    const failed = acsEvent(document, 'acs-error');
    const { el, engine } = await callElement({ attributes: { 'room-id': 'my room' } });
    expect((await failed).detail.code).to.equal('invalid-room-id');
    el.setAttribute('room-id', '99117812428622880');
    await waitUntil(() => !shadow(el).querySelector('[part="error"]'), 'the error stayed after the fix');
    expect((await join(el, engine)).locator).to.deep.equal({ roomId: '99117812428622880' });
  });

  it('calls well-formed callees: ACS and Teams users and a phone number', async () => {
    const { el, engine } = await callElement({
      attributes: { callee: '8:acs:resource_ana, 8:orgid:00000000-0000-0000-0000-000000000001, 4:+14255550123', 'alternate-caller-id': '+18005550100' },
    });
    await waitUntil(() => hasButton(el, strings.startCall) && !button(el, strings.startCall).disabled, 'not ready', { timeout: 10000 });
    const placed = engine.nextCall();
    button(el, strings.startCall).click();
    const call = await placed;
    // The fake engine names Teams users by an empty raw id; the ACS user and the phone are checked by theirs.
    const rawIds = call.remoteParticipants.map((participant) => participant.rawId);
    expect(rawIds).to.have.length(3).and.include.members(['8:acs:resource_ana', '4:+14255550123']);
  });
});
