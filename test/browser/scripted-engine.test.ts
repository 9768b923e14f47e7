import { expect, waitUntil } from '@open-wc/testing';
import type { CommunicationTokenCredential } from '@azure/communication-common';
import '../../src/call.js';
import {
  callEndReasons,
  createTestToken,
  FakeCallEngine,
  FakeCallingError,
  type FakeCall,
  type FakeCallAgent,
  type FakeCallEngineOptions,
  FakeDataChannelReceiver,
} from '../../src/testing/index.js';

const credential: CommunicationTokenCredential = {
  getToken: () => Promise.resolve({ token: 'x', expiresOnTimestamp: Date.now() + 3600_000 }),
  dispose: () => undefined,
};
const alternateCallerId = { phoneNumber: '+18005550100' };

const agents: FakeCallAgent[] = [];
const videos: HTMLVideoElement[] = [];

afterEach(async () => {
  videos.splice(0).forEach((video) => video.remove());
  await Promise.all(agents.splice(0).map((agent) => agent.dispose()));
});

async function agentOn(options: FakeCallEngineOptions = {}): Promise<{ engine: FakeCallEngine; agent: FakeCallAgent }> {
  const engine = new FakeCallEngine({ latencyMs: 5, ...options });
  const agent = await engine.createCallClient().createCallAgent(credential, { displayName: 'Me' });
  agents.push(agent);
  return { engine, agent };
}

async function connected(call: FakeCall): Promise<FakeCall> {
  await waitUntil(() => call.state === 'Connected', `the call stayed ${call.state}`);
  return call;
}

async function groupCall(options: FakeCallEngineOptions = {}): Promise<{ engine: FakeCallEngine; agent: FakeCallAgent; call: FakeCall }> {
  const { engine, agent } = await agentOn(options);
  const call = await connected(agent.join({ groupId: crypto.randomUUID() }));
  return { engine, agent, call };
}

async function failureOf(promise: Promise<unknown>): Promise<FakeCallingError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, 'expected a failure').to.be.instanceOf(FakeCallingError);
  return error as FakeCallingError;
}

function canvasStream(): MediaStream {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 180;
  canvas.getContext('2d')!.fillRect(0, 0, 160, 90);
  return canvas.captureStream(5);
}

async function play(stream: MediaStream): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  videos.push(video);
  document.body.append(video);
  video.srcObject = stream;
  await video.play();
  await waitUntil(() => video.videoWidth > 0, 'the video never showed a frame');
  return video;
}

describe('FakeCallEngine call agents', () => {
  it("creates the agent of the token's user, with the display name given", async () => {
    const engine = new FakeCallEngine({ latencyMs: 5 });
    let tokensAsked = 0;
    const agent = await engine.createCallClient().createCallAgent(
      {
        getToken: () => {
          tokensAsked += 1;
          return Promise.resolve({ token: createTestToken({ userId: '8:acs:resource_me' }), expiresOnTimestamp: Date.now() + 3600_000 });
        },
        dispose: () => undefined,
      },
      { displayName: 'Ana' },
    );
    agents.push(agent);

    expect(tokensAsked).to.equal(1);
    expect(agent.userId).to.equal('8:acs:resource_me');
    expect(agent.displayName).to.equal('Ana');
    expect(agent.connectionState).to.equal('Connected');
    expect(engine.agents).to.deep.equal([agent]);
  });

  it('fails to create an agent, like the SDK, when the credential gives no token', async () => {
    const engine = new FakeCallEngine({ latencyMs: 5 });
    const offline = new Error('token service down');
    const failing: CommunicationTokenCredential = { getToken: () => Promise.reject(offline), dispose: () => undefined };

    const error = await failureOf(engine.createCallClient().createCallAgent(failing));

    expect(error).to.include({ code: 401, subCode: 44110 });
    expect(error.cause).to.equal(offline);
    expect(engine.agents).to.have.lengthOf(0);
  });

  it('allows one agent per call client, and another once it is disposed', async () => {
    const client = new FakeCallEngine({ latencyMs: 5 }).createCallClient();
    const [first, second] = await Promise.allSettled([client.createCallAgent(credential), client.createCallAgent(credential)]);

    expect(first.status).to.equal('fulfilled');
    expect(second.status).to.equal('rejected');
    expect((second as PromiseRejectedResult).reason).to.include({ code: 400, subCode: 40008 });
    expect(await failureOf(client.createCallAgent(credential))).to.include({ subCode: 40008 });

    await (first as PromiseFulfilledResult<FakeCallAgent>).value.dispose();
    agents.push(await client.createCallAgent(credential));
  });

  it("lists the browser's devices in the SDK's shapes", async () => {
    const deviceManager = await new FakeCallEngine({ latencyMs: 5 }).createCallClient().getDeviceManager();
    const [cameras, microphones] = await Promise.all([deviceManager.getCameras(), deviceManager.getMicrophones()]);

    expect(cameras.length).to.be.greaterThan(0);
    expect(cameras[0].id).to.match(/^camera:/);
    expect(cameras[0].deviceType).to.equal('UsbCamera');
    expect(microphones.length).to.be.greaterThan(0);
    expect(microphones[0].id).to.match(/^microphone:/);
    expect(deviceManager.selectedMicrophone?.deviceType).to.equal('Microphone');
  });
});

describe('FakeCallEngine calls', () => {
  it('joins a group call: Connecting, then Connected under a new id', async () => {
    const { engine, agent } = await agentOn();
    const announced = engine.nextCall();
    const locator = { groupId: crypto.randomUUID() };

    const call = agent.join(locator);
    const firstId = call.id;
    const events: string[] = [];
    call.on('idChanged', () => events.push('idChanged'));
    call.on('stateChanged', () => events.push(call.state));

    expect(call.state).to.equal('Connecting');
    expect(await announced).to.equal(call);
    await connected(call);
    expect(events).to.deep.equal(['idChanged', 'Connected']);
    expect(call.id).not.to.equal(firstId);
    expect(call.locator).to.deep.equal(locator);
    expect(call.direction).to.equal('Outgoing');
    expect(agent.calls).to.deep.equal([call]);
    expect(engine.calls).to.deep.equal([call]);
    expect(engine.features(call)).to.equal(call.features);
  });

  it('hangs up: Disconnecting, then Disconnected with the normal end reason', async () => {
    const { agent, call } = await groupCall();
    const states: string[] = [];
    call.on('stateChanged', () => states.push(call.state));

    await call.hangUp();

    expect(states).to.deep.equal(['Disconnecting', 'Disconnected']);
    expect(call.callEndReason).to.deep.equal({ code: 0, subCode: 0 });
    expect(agent.calls).to.have.lengthOf(0);
  });

  it('ends the call with the reason a test gives', async () => {
    const { call } = await groupCall();
    call.end(callEndReasons.networkLost);
    expect(call.state).to.equal('Disconnected');
    expect(call.callEndReason).to.deep.equal({ code: 410, subCode: 3101 });
  });

  it('mutes and unmutes, with isMutedChanged', async () => {
    const { call } = await groupCall();
    let changes = 0;
    call.on('isMutedChanged', () => (changes += 1));

    await call.mute();
    expect(call.isMuted).to.equal(true);
    await call.unmute();
    expect(call.isMuted).to.equal(false);
    expect(changes).to.equal(2);
  });

  it('starts and stops the camera, with isLocalVideoStartedChanged', async () => {
    const { engine, call } = await groupCall();
    const camera = engine.createLocalVideoStream(canvasStream());
    let changes = 0;
    call.on('isLocalVideoStartedChanged', () => (changes += 1));

    await call.startVideo(camera);
    expect(call.isLocalVideoStarted).to.equal(true);
    expect(call.localVideoStreams).to.deep.equal([camera]);
    expect(await failureOf(call.startVideo(camera))).to.include({ subCode: 41027 });

    await call.stopVideo(camera);
    expect(call.isLocalVideoStarted).to.equal(false);
    expect(changes).to.equal(2);
  });

  it('shares the screen from screenShareSource, and stops its tracks when sharing stops', async () => {
    const screen = canvasStream();
    const { call } = await groupCall({ screenShareSource: () => Promise.resolve(screen) });
    let changes = 0;
    call.on('isScreenSharingOnChanged', () => (changes += 1));

    await call.startScreenSharing();
    expect(call.isScreenSharingOn).to.equal(true);
    expect(call.localVideoStreams.map((stream) => stream.mediaStreamType)).to.deep.equal(['ScreenSharing']);
    expect(await call.localVideoStreams[0].getMediaStream()).to.equal(screen);

    await call.stopScreenSharing();
    expect(call.isScreenSharingOn).to.equal(false);
    expect(call.localVideoStreams).to.have.lengthOf(0);
    expect(screen.getVideoTracks()[0].readyState).to.equal('ended');
    expect(changes).to.equal(2);
  });

  it('holds and resumes', async () => {
    const { call } = await groupCall();
    await call.hold();
    expect(call.state).to.equal('LocalHold');
    await call.resume();
    expect(call.state).to.equal('Connected');
  });

  it('goes back to Connecting while the connection is down, and returns when it is back', async () => {
    const { agent, call } = await groupCall();
    const connection: unknown[] = [];
    agent.on('connectionStateChanged', (change) => connection.push(change));

    call.dropConnection();
    expect(agent.connectionState).to.equal('Disconnected');
    expect(call.state).to.equal('Connecting');

    call.restoreConnection();
    expect(agent.connectionState).to.equal('Connected');
    expect(call.state).to.equal('Connected');
    expect(connection).to.deep.equal([
      { newValue: 'Disconnected', oldValue: 'Connected', reason: 'connectionIssue' },
      { newValue: 'Connected', oldValue: 'Disconnected' },
    ]);
  });

  it('stays Connecting while dropped, even when a dialled phone answers meanwhile', async () => {
    const { call } = await groupCall();
    const phone = call.addParticipant({ phoneNumber: '+14255550123' }, { alternateCallerId });
    call.dropConnection();

    await waitUntil(() => phone.state === 'Connected');
    expect(call.state).to.equal('Connecting');

    call.restoreConnection();
    expect(call.state).to.equal('Connected');
  });

  it('ends the calls of a disposed agent', async () => {
    const { agent, call } = await groupCall();
    await agent.dispose();
    expect(call.state).to.equal('Disconnected');
    expect(call.callEndReason).to.deep.equal(callEndReasons.hungUp);
  });
});

describe('FakeCall remote participants', () => {
  it("plays a participant's camera in a <video>", async () => {
    const { call } = await groupCall();
    const added: string[] = [];
    call.on('remoteParticipantsUpdated', ({ added: joined }) => added.push(...joined.map((participant) => participant.displayName ?? '')));

    const ana = call.addRemoteParticipant({ displayName: 'Ana Silva', video: true });
    expect(ana.state).to.equal('Connecting');
    expect(added).to.deep.equal(['Ana Silva']);
    await waitUntil(() => ana.state === 'Connected' && ana.videoStreams[0]?.isAvailable, 'Ana never showed her camera');

    const stream = ana.videoStreams[0];
    expect(stream.mediaStreamType).to.equal('Video');
    const video = await play(await stream.getMediaStream());
    expect(video.videoWidth).to.equal(640);
  });

  it('stops the tracks of a camera that goes off', async () => {
    const { call } = await groupCall();
    const ana = call.addRemoteParticipant({ displayName: 'Ana', video: true });
    await waitUntil(() => ana.videoStreams[0]?.isAvailable);
    const stream = ana.videoStreams[0];
    const media = await stream.getMediaStream();
    const removed: number[] = [];
    ana.on('videoStreamsUpdated', (update) => removed.push(...update.removed.map((gone) => gone.id)));

    ana.stopVideo();

    expect(removed).to.deep.equal([stream.id]);
    expect(stream.isAvailable).to.equal(false);
    expect(media.getVideoTracks()[0].readyState).to.equal('ended');
  });

  it('shares a participant screen as a ScreenSharing stream', async () => {
    const { call } = await groupCall();
    const ana = call.addRemoteParticipant({ displayName: 'Ana' });
    const screen = ana.startScreenShare();
    await waitUntil(() => screen.isAvailable);
    expect(screen.mediaStreamType).to.equal('ScreenSharing');
    expect((await play(await screen.getMediaStream())).videoWidth).to.equal(1280);
  });

  it('makes a speaking participant the dominant speaker', async () => {
    const { engine, call } = await groupCall();
    const ana = call.addRemoteParticipant({ rawId: '8:acs:resource_ana', displayName: 'Ana' });
    const { dominantSpeakers } = engine.features(call);
    let speakingChanges = 0;
    let dominantChanges = 0;
    ana.on('isSpeakingChanged', () => (speakingChanges += 1));
    dominantSpeakers.on('dominantSpeakersChanged', () => (dominantChanges += 1));

    ana.speak();

    expect(ana.isSpeaking).to.equal(true);
    expect(dominantSpeakers.dominantSpeakers.speakersList).to.deep.equal([{ kind: 'communicationUser', communicationUserId: '8:acs:resource_ana' }]);
    expect([speakingChanges, dominantChanges]).to.deep.equal([1, 1]);
  });

  it('removes a participant: Disconnected with the removed reason, and out of the call', async () => {
    const { call } = await groupCall();
    const ana = call.addRemoteParticipant({ displayName: 'Ana' });
    const removed: unknown[] = [];
    call.on('remoteParticipantsUpdated', (update) => removed.push(...update.removed));

    call.removeRemoteParticipant(ana);

    expect(ana.state).to.equal('Disconnected');
    expect(ana.callEndReason).to.deep.equal({ code: 0, subCode: 5300 });
    expect(call.remoteParticipants).to.have.lengthOf(0);
    expect(removed).to.deep.equal([ana]);
    expect(call.state, 'a group call goes on').to.equal('Connected');
  });

  it("raises and lowers hands, this user's and a participant's", async () => {
    const { agent, engine, call } = await groupCall();
    const ana = call.addRemoteParticipant({ rawId: '8:acs:resource_ana', displayName: 'Ana' });
    const { raiseHand } = engine.features(call);
    const events: string[] = [];
    raiseHand.on('raisedHandEvent', () => events.push('raised'));
    raiseHand.on('loweredHandEvent', () => events.push('lowered'));

    ana.raiseHand();
    await raiseHand.raiseHand();
    expect(call.raisedHands.map((hand) => [(hand.identifier as { communicationUserId: string }).communicationUserId, hand.order])).to.deep.equal([
      ['8:acs:resource_ana', 1],
      [agent.userId, 2],
    ]);

    ana.lowerHand();
    await raiseHand.lowerHand();
    expect(call.raisedHands).to.have.lengthOf(0);
    expect(events).to.deep.equal(['raised', 'raised', 'lowered', 'lowered']);
  });

  it('reports recording and transcription as the service starts them', async () => {
    const { engine, call } = await groupCall();
    const { recording, transcription } = engine.features(call);
    const events: string[] = [];
    recording.on('isRecordingActiveChanged', () => events.push('recording'));
    transcription.on('isTranscriptionActiveChanged', () => events.push('transcription'));

    call.setRecording(true);
    call.setTranscription(true);

    expect([recording.isRecordingActive, transcription.isTranscriptionActive]).to.deep.equal([true, true]);
    expect(events).to.deep.equal(['recording', 'transcription']);
  });
});

describe('FakeCall phone calls', () => {
  it('calls a number that answers: Connecting, Ringing, then Connected with the phone as participant', async () => {
    const { agent } = await agentOn();
    const call = agent.startCall([{ phoneNumber: '+14255550100' }], { alternateCallerId });
    const states: string[] = [call.state];
    call.on('stateChanged', () => states.push(call.state));

    await connected(call);

    expect(states).to.deep.equal(['Connecting', 'Ringing', 'Connected']);
    const [phone] = call.remoteParticipants;
    expect(phone.identifier).to.deep.equal({ kind: 'phoneNumber', phoneNumber: '+14255550100', rawId: '4:+14255550100' });
    expect(phone.state).to.equal('Connected');
  });

  it('ends with 486/560486 when the number is busy', async () => {
    const { agent } = await agentOn({ phoneCallee: () => 'busy' });
    const call = agent.startCall([{ phoneNumber: '+14255550100' }], { alternateCallerId });

    await waitUntil(() => call.state === 'Disconnected');

    expect(call.callEndReason).to.deep.equal({ code: 486, subCode: 560486 });
  });

  it('rings, then ends with 480/560480 when nobody answers', async () => {
    const { agent } = await agentOn({ phoneCallee: () => 'no-answer' });
    const call = agent.startCall([{ phoneNumber: '+14255550100' }], { alternateCallerId });

    await waitUntil(() => call.state === 'Ringing');
    await waitUntil(() => call.state === 'Disconnected');

    expect(call.callEndReason).to.deep.equal({ code: 480, subCode: 560480 });
  });

  it('ends with 403/510403 when a number is called without an alternate caller id', async () => {
    const { agent } = await agentOn();
    const call = agent.startCall([{ phoneNumber: '+14255550100' }]);

    await waitUntil(() => call.state === 'Disconnected');

    expect(call.callEndReason).to.deep.equal({ code: 403, subCode: 510403 });
  });

  it('sends DTMF in order, and the phone reads the digits back in its display name', async () => {
    const { agent } = await agentOn();
    const call = await connected(agent.startCall([{ phoneNumber: '+14255550100' }], { alternateCallerId }));
    const phone = call.remoteParticipants[0];
    let renames = 0;
    phone.on('displayNameChanged', () => (renames += 1));

    await call.sendDtmf('Num1');
    await call.sendDtmf('Num2');
    await call.sendDtmf('Star');

    expect(call.sentTones).to.deep.equal(['Num1', 'Num2', 'Star']);
    expect(phone.displayName).to.equal('+14255550100 · heard 1 2 *');
    expect(renames).to.equal(3);
  });

  it('refuses DTMF before the call is connected', async () => {
    const { agent } = await agentOn();
    const call = agent.startCall([{ phoneNumber: '+14255550100' }], { alternateCallerId });
    expect(await failureOf(call.sendDtmf('Num1'))).to.include({ code: 400, subCode: 41022 });
    expect(call.sentTones).to.have.lengthOf(0);
  });

  it('dials a number into a group call', async () => {
    const { call } = await groupCall();
    const phone = call.addParticipant({ phoneNumber: '+14255550123' }, { alternateCallerId });
    expect(phone.state).to.equal('Connecting');
    await waitUntil(() => phone.state === 'Connected');
    expect(phone.displayName).to.equal('+14255550123');
  });
});

describe('FakeIncomingCall', () => {
  it('accepts a call: Connected, incoming, with the caller as participant', async () => {
    const { engine, agent } = await agentOn();
    const rung: unknown[] = [];
    agent.on('incomingCall', ({ incomingCall }) => rung.push(incomingCall));

    const incoming = engine.ringIncoming({ from: { rawId: '8:acs:resource_bo', displayName: 'Bo' } });
    expect(rung).to.deep.equal([incoming]);
    expect(incoming.callerInfo).to.deep.equal({ identifier: { kind: 'communicationUser', communicationUserId: '8:acs:resource_bo' }, displayName: 'Bo' });

    const call = await incoming.accept();

    expect(call.state).to.equal('Connected');
    expect(call.direction).to.equal('Incoming');
    expect(call.remoteParticipants.map((participant) => [participant.rawId, participant.displayName, participant.state])).to.deep.equal([
      ['8:acs:resource_bo', 'Bo', 'Connected'],
    ]);
  });

  it('rejects a call: callEnded, declined', async () => {
    const { engine } = await agentOn();
    const incoming = engine.ringIncoming({ from: { phoneNumber: '+14255550100' } });
    const ended = new Promise((resolve) => incoming.on('callEnded', resolve));

    await incoming.reject();

    expect(await ended).to.deep.equal({ callEndReason: { code: 603, subCode: 0 } });
    expect(await failureOf(incoming.accept())).to.include({ subCode: 3095 });
  });

  it('stops ringing when the caller hangs up first', async () => {
    const { engine } = await agentOn();
    const incoming = engine.ringIncoming({ from: { rawId: '8:acs:resource_bo' } });
    const ended: unknown[] = [];
    incoming.on('callEnded', (event) => ended.push(event));

    incoming.callerHangsUp();

    expect(ended).to.deep.equal([{ callEndReason: { code: 487, subCode: 0 } }]);
  });

  it('ends a one-to-one call when the other side leaves', async () => {
    const { engine } = await agentOn();
    const call = await engine.ringIncoming({ from: { phoneNumber: '+14255550100' } }).accept();
    call.remoteParticipants[0].leave();
    expect(call.state).to.equal('Disconnected');
    expect(call.callEndReason).to.deep.equal({ code: 0, subCode: 560000 });
  });
});

describe('FakeDataChannel', () => {
  it("records what this user's sender sends, and refuses after close or above 32 KB", async () => {
    const { engine, call } = await groupCall();
    const sender = engine.features(call).dataChannel.createDataChannelSender({ channelId: 1000 });

    await sender.sendMessage(new Uint8Array([1, 2, 3]));

    expect(call.sentData).to.deep.equal([{ channelId: 1000, data: new Uint8Array([1, 2, 3]), participants: [] }]);
    expect(sender.maxMessageSize).to.equal(32768);
    expect(await failureOf(sender.sendMessage(new Uint8Array(32769)))).to.include({ subCode: 45309 });
    sender.close();
    expect(await failureOf(sender.sendMessage(new Uint8Array([4])))).to.include({ subCode: 45312 });
  });

  it('refuses to send while the call is not connected', async () => {
    const { engine, call } = await groupCall();
    const sender = engine.features(call).dataChannel.createDataChannelSender({});
    call.dropConnection();
    expect(await failureOf(sender.sendMessage(new Uint8Array([1])))).to.include({ subCode: 45301 });
    expect(sender.channelId).to.be.within(1024, 65535);
  });

  it('delivers messages from a participant through one receiver per sender and channel', async () => {
    const { engine, call } = await groupCall();
    const ana = call.addRemoteParticipant({ rawId: '8:acs:resource_ana', displayName: 'Ana' });
    const receivers: FakeDataChannelReceiver[] = [];
    const read: { sequenceNumber: number; data: Uint8Array }[] = [];
    engine.features(call).dataChannel.on('dataChannelReceiverCreated', (receiver) => {
      if (!(receiver instanceof FakeDataChannelReceiver)) throw new Error("not the fake engine's receiver");
      receivers.push(receiver);
      receiver.on('messageReady', () => read.push(receiver.readMessage()!));
    });

    call.receiveData(ana, new Uint8Array([7]));
    call.receiveData(ana, new Uint8Array([8]));

    expect(receivers.map((receiver) => [receiver.channelId, receiver.senderParticipantIdentifier])).to.deep.equal([
      [1000, { kind: 'communicationUser', communicationUserId: '8:acs:resource_ana' }],
    ]);
    expect(read).to.deep.equal([
      { sequenceNumber: 1, data: new Uint8Array([7]) },
      { sequenceNumber: 2, data: new Uint8Array([8]) },
    ]);

    let closed = false;
    receivers[0].on('close', () => (closed = true));
    ana.leave();
    expect(closed, "a participant's receivers close when they leave").to.equal(true);
  });
});

/** What `promise` settled to within `ms`, or 'pending'. */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);
}

describe('FakeCallEngine.waitForCall and nextCall', () => {
  it('waitForCall returns the call an element placed before it was asked, which nextCall misses', async () => {
    const engine = new FakeCallEngine({ latencyMs: 5 });
    const el = document.createElement('acs-call');
    el.callEngine = engine;
    el.tokenProvider = () => createTestToken();
    el.setAttribute('group-id', crypto.randomUUID());
    document.body.append(el);
    try {
      await el.start();
      await waitUntil(() => engine.calls.length === 1, 'the element placed no call');
      const missed = engine.nextCall();

      const call = await engine.waitForCall();

      expect(call).to.equal(engine.calls[0]);
      expect(await settledWithin(missed, 50), 'nextCall waits for a call placed after it').to.equal('pending');
    } finally {
      el.remove();
    }
  });

  it('waitForCall waits for the next call when every call placed is taken', async () => {
    const { engine, agent } = await agentOn();
    const first = agent.join({ groupId: crypto.randomUUID() });
    expect(await engine.waitForCall()).to.equal(first);

    const second = engine.waitForCall();
    expect(await settledWithin(second, 20), 'the first call was taken already').to.equal('pending');
    const next = agent.join({ groupId: crypto.randomUUID() });

    expect(await second).to.equal(next);
  });

  it('waitForCall takes the latest call placed, passing over older ones', async () => {
    const { engine, agent } = await agentOn();
    agent.join({ groupId: crypto.randomUUID() });
    const latest = agent.join({ groupId: crypto.randomUUID() });

    expect(await engine.waitForCall()).to.equal(latest);
    expect(await settledWithin(engine.waitForCall(), 20)).to.equal('pending');
  });

  it('nextCall resolves with the next call placed, every waiter with the same one, and not a call placed before', async () => {
    const { engine, agent } = await agentOn();
    const before = agent.join({ groupId: crypto.randomUUID() });
    const [one, two] = [engine.nextCall(), engine.nextCall()];

    const placed = agent.join({ groupId: crypto.randomUUID() });

    expect(await one).to.equal(placed);
    expect(await two).to.equal(placed);
    expect(placed).not.to.equal(before);
  });

  it('a call handed out by nextCall is taken: waitForCall does not return it again', async () => {
    const { engine, agent } = await agentOn();
    const announced = engine.nextCall();
    const placed = agent.join({ groupId: crypto.randomUUID() });
    expect(await announced).to.equal(placed);

    expect(await settledWithin(engine.waitForCall(), 20)).to.equal('pending');
  });
});
