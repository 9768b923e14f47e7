import { expect } from '@open-wc/testing';
import { callEndKind, type CallEndKind } from '../../src/calling/call-end-reason.js';
import { callEndReasons } from '../../src/testing/index.js';

// ACS's documented codes ("Troubleshooting call end response codes"), as the fake engine sends them.
const cases: [string, { code: number; subCode?: number } | undefined, CallEndKind][] = [
  ['this user hung up', callEndReasons.hungUp, 'hung-up'],
  ['the phone at the other end hung up', callEndReasons.remotePhoneHungUp, 'remote-hung-up'],
  ['removed by another participant', callEndReasons.removed, 'removed'],
  ['the callee declined', callEndReasons.declined, 'declined'],
  ['the caller gave up before the answer', callEndReasons.callerCanceled, 'hung-up'],
  ['the number was busy', callEndReasons.phoneBusy, 'busy'],
  ['a call between browsers in the emulator is full', { code: 486, subCode: 4868 }, 'room-full'],
  ['nobody answered', callEndReasons.phoneNoAnswer, 'no-answer'],
  ['the call timed out', { code: 408, subCode: 10057 }, 'no-answer'],
  ['the network dropped the call', callEndReasons.networkLost, 'network'],
  ['the local network failed (49x)', { code: 490, subCode: 4501 }, 'network'],
  ['no caller id for a phone number', callEndReasons.missingAlternateCallerId, 'not-allowed'],
  ['an unknown number', { code: 404, subCode: 560404 }, 'not-reachable'],
  ['a server failure', { code: 500, subCode: 0 }, 'failed'],
  ['no reason at all', undefined, 'failed'],
];

describe('callEndKind', () => {
  for (const [situation, reason, kind] of cases) {
    it(`calls "${situation}" ${kind}`, () => {
      expect(callEndKind(reason)).to.equal(kind);
    });
  }
});
