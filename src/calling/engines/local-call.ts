import type { CallDirection, CallEndReason, CallerInfo, CallState } from '@azure/communication-calling';
import type { CommunicationIdentifierKind } from '@azure/communication-common';
import type { Changed, EngineCall, EngineCallChange, EngineCallFeatures, EngineLocalVideoStream, EngineRemoteParticipant, Updated } from '../call-engine.js';
import { rawIdOf } from '../../core/raw-id.js';
import { callEndReasons } from './call-end-reasons.js';
import { Emitter, type Listener } from './emitter.js';
import { FakeCallingError, holdFailed, resumeFailed, screenShareNotConnected } from './fake-calling-error.js';
import { FakeDominantSpeakers } from './fake-dominant-speakers.js';
import { FakeRecording } from './fake-recording.js';
import { FakeTranscription } from './fake-transcription.js';
import { localEndReasons } from './local-end-reasons.js';
import { LocalDataChannel } from './local-data-channel.js';
import { LocalMesh } from './local-mesh.js';
import { LocalOutgoing } from './local-outgoing.js';
import type { ClientMessage, Member, MemberState, RoomMessage } from './local-protocol.js';
import { LocalRaiseHand } from './local-raise-hand.js';
import { LocalRemoteParticipant } from './local-remote-participant.js';
import { watchSpeakers } from './local-speakers.js';

/** What a call needs from its agent (`LocalCallAgent`). */
export interface LocalCallOwner {
  readonly userId: string;
  readonly displayName: string | undefined;
  readonly iceServers: RTCIceServer[];
  send(message: ClientMessage): void;
  /** The microphone the device manager has selected, opened; undefined when there is none or it is denied. */
  openMicrophone(): Promise<MediaStreamTrack | undefined>;
  /** False for an agent with no one at its speakers (the demo bot): the others are not played. */
  readonly hearsOthers: boolean;
  callEnded(call: LocalCall): void;
}

/** How the call came about: joining a room, ringing someone, or answering. */
export type LocalCallPlacement =
  | { kind: 'join'; room: string }
  | { kind: 'ring'; callId: string; callee: CommunicationIdentifierKind }
  | { kind: 'answer'; callId: string; callerInfo: CallerInfo };

/** The features of a local call: recording and transcription never start, there being no service to do them. */
export interface LocalCallFeatures extends EngineCallFeatures {
  readonly raiseHand: LocalRaiseHand;
  readonly dominantSpeakers: FakeDominantSpeakers;
  readonly recording: FakeRecording;
  readonly transcription: FakeTranscription;
  readonly dataChannel: LocalDataChannel;
}

type CallEvents = Record<EngineCallChange, []> & {
  remoteParticipantsUpdated: [{ added: LocalRemoteParticipant[]; removed: LocalRemoteParticipant[] }];
};

/**
 * A call between browsers: the emulator seats this user in a room and relays what the browsers
 * need to connect; media and data then flow browser to browser (see `LocalMesh`). It behaves as
 * the SDK's `Call` does, states, events, end reasons and errors, so the elements cannot tell.
 */
export class LocalCall implements EngineCall {
  readonly direction: CallDirection;
  readonly callerInfo: CallerInfo;
  readonly features: LocalCallFeatures;
  /** The emulator's room: `group:…`, `room:…` or `call:<callId>`. */
  readonly room: string;
  readonly callId: string | undefined;
  readonly #owner: LocalCallOwner;
  readonly #placement: LocalCallPlacement;
  readonly #events = new Emitter<CallEvents>();
  readonly #mesh: LocalMesh;
  #id = crypto.randomUUID();
  #state: CallState = 'Connecting';
  /** Where the call was when the signalling dropped; it goes back there when it returns. */
  #stateBeforeDrop: CallState | undefined;
  #callEndReason: CallEndReason | undefined;
  #participants: LocalRemoteParticipant[] = [];
  readonly #outgoing: LocalOutgoing;
  #stopWatchingSpeakers: () => void = () => undefined;

  constructor(owner: LocalCallOwner, placement: LocalCallPlacement, options: { muted: boolean; video: EngineLocalVideoStream[] }) {
    this.#owner = owner;
    this.#placement = placement;
    this.direction = placement.kind === 'answer' ? 'Incoming' : 'Outgoing';
    this.callerInfo = placement.kind === 'answer' ? placement.callerInfo : { identifier: undefined };
    this.callId = placement.kind === 'join' ? undefined : placement.callId;
    this.room = placement.kind === 'join' ? placement.room : `call:${placement.callId}`;
    // The data channel's transport reads the state as it is when a message goes.
    const state = () => this.#state;
    this.#mesh = new LocalMesh(owner.userId, () => owner.iceServers, owner.hearsOthers, {
      signal: (to, payload) => owner.send({ type: 'signal', room: this.room, to, payload }),
      track: (from, track, streamId) => this.#participant(from)?.addTrack(track, streamId),
      connection: (userId, connected) => this.#participant(userId)?.setConnected(connected),
      data: (from, bytes) => this.features.dataChannel.receive(from, bytes),
    });
    this.#outgoing = new LocalOutgoing(this.#mesh, options, (change) => {
      this.#events.emit(change);
      this.#announce();
    });
    this.features = {
      raiseHand: new LocalRaiseHand(this, { kind: 'communicationUser', communicationUserId: owner.userId }, () => this.#announce()),
      dominantSpeakers: new FakeDominantSpeakers(),
      recording: new FakeRecording(),
      transcription: new FakeTranscription(),
      dataChannel: new LocalDataChannel({
        get state() {
          return state();
        },
        sendData: (bytes, to) => this.#mesh.sendData(bytes, to),
      }),
    };
    if (placement.kind === 'ring') this.#add({ userId: rawIdOf(placement.callee), state: silentMember() }).ring();
    void this.#enter();
  }

  get id(): string {
    return this.#id;
  }

  get state(): CallState {
    return this.#state;
  }

  get callEndReason(): CallEndReason | undefined {
    return this.#callEndReason;
  }

  get isMuted(): boolean {
    return this.#outgoing.isMuted;
  }

  get isScreenSharingOn(): boolean {
    return this.#outgoing.isScreenSharingOn;
  }

  get isLocalVideoStarted(): boolean {
    return this.#outgoing.isLocalVideoStarted;
  }

  get remoteParticipants(): readonly LocalRemoteParticipant[] {
    return this.#participants;
  }

  get localVideoStreams(): readonly EngineLocalVideoStream[] {
    return this.#outgoing.localVideoStreams;
  }

  async hangUp(): Promise<void> {
    if (this.#state === 'Disconnecting' || this.#state === 'Disconnected') return;
    // Until the callee answers, hanging up cancels the ringing.
    const unanswered = this.#placement.kind === 'ring' && this.#participants.every((participant) => participant.state !== 'Connected');
    this.#owner.send(unanswered && this.callId ? { type: 'cancel', callId: this.callId } : { type: 'leave', room: this.room });
    this.end(callEndReasons.hungUp);
    return Promise.resolve();
  }

  async mute(): Promise<void> {
    this.#outgoing.setMuted(true);
    return Promise.resolve();
  }

  async unmute(): Promise<void> {
    this.#outgoing.setMuted(false);
    return Promise.resolve();
  }

  async hold(): Promise<void> {
    if (this.#state !== 'Connected') throw holdFailed();
    this.#outgoing.hold(true);
    this.#setState('LocalHold');
    return Promise.resolve();
  }

  async resume(): Promise<void> {
    if (this.#state !== 'LocalHold') throw resumeFailed();
    this.#outgoing.hold(false);
    this.#setState('Connected');
    return Promise.resolve();
  }

  /** Tones go to phone numbers, and a local call has none. */
  sendDtmf(): Promise<void> {
    return Promise.reject(new FakeCallingError('Failed to send DTMF tone', 400, 41022));
  }

  startVideo(stream: EngineLocalVideoStream): Promise<void> {
    return this.#outgoing.startVideo(stream);
  }

  stopVideo(stream: EngineLocalVideoStream): Promise<void> {
    return this.#outgoing.stopVideo(stream);
  }

  startScreenSharing(): Promise<void> {
    return this.#outgoing.startScreenSharing(() => this.#state === 'Connected', screenShareNotConnected);
  }

  stopScreenSharing(): Promise<void> {
    return this.#outgoing.stopScreenSharing();
  }

  /** Phone numbers are simulated by the emulator's PSTN callee, in calls of their own: not in a call between browsers. */
  addParticipant(): EngineRemoteParticipant {
    throw new FakeCallingError('Failed to add participant. Phone numbers cannot join a call between browsers in the emulator.', 400, 41089);
  }

  on(event: EngineCallChange, listener: Changed): void;
  on(event: 'remoteParticipantsUpdated', listener: Updated<EngineRemoteParticipant>): void;
  on(event: keyof CallEvents, listener: Listener): void {
    this.#events.on(event, listener);
  }

  off(event: EngineCallChange, listener: Changed): void;
  off(event: 'remoteParticipantsUpdated', listener: Updated<EngineRemoteParticipant>): void;
  off(event: keyof CallEvents, listener: Listener): void {
    this.#events.off(event, listener);
  }

  /** @internal A frame about this call's room. */
  handle(message: RoomMessage): void {
    if (this.#state === 'Disconnected') return;
    switch (message.type) {
      case 'joined':
        for (const member of message.members) this.#add(member);
        // A 1:1 caller waits alone in the room until the callee comes.
        if (this.#placement.kind === 'ring' && message.members.length === 0) this.#setState('Ringing');
        else this.#connect();
        break;
      case 'join-failed':
        this.end(message.reason === 'room-full' ? localEndReasons.roomFull : localEndReasons.notInvited);
        break;
      case 'member-joined':
        this.#add(message.member);
        this.#connect();
        break;
      case 'member-state':
        this.#participant(message.userId)?.setMember(message.state);
        this.#showHand(message.userId, message.state.handRaised);
        break;
      case 'member-left':
        if (message.userId === this.#owner.userId) this.end(callEndReasons.removed);
        else this.#remove(message.userId, message.reason === 'dropped' ? callEndReasons.networkLost : callEndReasons.hungUp);
        break;
      case 'signal':
        void this.#mesh.receive(message.from, message.payload).catch(() => undefined);
        break;
    }
  }

  /** @internal The call ends now with `reason`: everything it opened is closed, the microphone and screen released. */
  end(reason: CallEndReason): void {
    if (this.#state === 'Disconnected') return;
    this.#callEndReason = reason;
    this.#stopWatchingSpeakers();
    this.#outgoing.stop();
    this.#mesh.close();
    for (const participant of this.#participants) participant.leave(callEndReasons.hungUp);
    this.features.dataChannel.closeReceivers();
    this.#owner.callEnded(this);
    this.#setState('Disconnected');
  }

  /** @internal The agent's signalling dropped (false) or came back (true): the media goes on meanwhile. */
  connectionChanged(connected: boolean): void {
    if (!connected && (this.#state === 'Connected' || this.#state === 'LocalHold')) {
      this.#stateBeforeDrop = this.#state;
      this.#setState('Connecting');
    } else if (connected && this.#stateBeforeDrop && this.#state === 'Connecting') {
      const state = this.#stateBeforeDrop;
      this.#stateBeforeDrop = undefined;
      this.#setState(state);
    }
  }

  /** Opens the microphone, then asks the emulator for a seat. */
  async #enter(): Promise<void> {
    const microphone = await this.#owner.openMicrophone();
    if (this.#state === 'Disconnected') {
      microphone?.stop();
      return;
    }
    await this.#outgoing.start(microphone);
    const state = this.#memberState();
    const placement = this.#placement;
    this.#owner.send(
      placement.kind === 'join'
        ? { type: 'join', room: this.room, state }
        : placement.kind === 'ring'
          ? { type: 'ring', callId: placement.callId, to: rawIdOf(placement.callee), state }
          : { type: 'accept', callId: placement.callId, state },
    );
    this.#stopWatchingSpeakers = watchSpeakers(this.#mesh, () => this.#participants, this.features.dominantSpeakers);
  }

  #add(member: Member): LocalRemoteParticipant {
    const known = this.#participant(member.userId);
    if (known) {
      known.setMember(member.state);
      this.#mesh.connect(member.userId);
      return known;
    }
    const participant = new LocalRemoteParticipant(member.userId, member.state);
    this.#participants = [...this.#participants, participant];
    this.#events.emit('remoteParticipantsUpdated', { added: [participant], removed: [] });
    this.#showHand(member.userId, member.state.handRaised);
    // The ringing callee is listed before they answer; their connection opens when they do.
    if (this.#placement.kind !== 'ring' || this.#state !== 'Connecting') this.#mesh.connect(member.userId);
    return participant;
  }

  #remove(userId: string, reason: CallEndReason): void {
    const participant = this.#participant(userId);
    if (!participant) return;
    this.#mesh.disconnect(userId);
    participant.leave(reason);
    this.#participants = this.#participants.filter((present) => present !== participant);
    this.features.raiseHand.lower(participant.identifier);
    this.features.dataChannel.closeReceivers(userId);
    this.#events.emit('remoteParticipantsUpdated', { added: [], removed: [participant] });
    // A 1:1 call is over when the other person has gone ("the other person hung up"); a group call goes on.
    if (this.#placement.kind !== 'join' && this.#participants.length === 0)
      this.end(reason === callEndReasons.hungUp ? callEndReasons.remotePhoneHungUp : reason);
  }

  #participant(userId: string): LocalRemoteParticipant | undefined {
    return this.#participants.find((participant) => participant.userId === userId);
  }

  #showHand(userId: string, raised: boolean): void {
    const participant = this.#participant(userId);
    if (!participant) return;
    if (raised) this.features.raiseHand.raise(participant.identifier);
    else this.features.raiseHand.lower(participant.identifier);
  }

  #connect(): void {
    if (this.#state !== 'Connecting' && this.#state !== 'Ringing') return;
    // A real call can change id while it is set up; the scripted engine does it too.
    this.#id = crypto.randomUUID();
    this.#events.emit('idChanged');
    this.#setState('Connected');
  }

  #memberState(): MemberState {
    return {
      ...(this.#owner.displayName && { displayName: this.#owner.displayName }),
      muted: this.isMuted,
      handRaised: this.features.raiseHand.getRaisedHands().some((hand) => rawIdOf(hand.identifier) === this.#owner.userId),
      video: this.isLocalVideoStarted,
      screenSharing: this.isScreenSharingOn,
      streams: { camera: this.#mesh.streams.camera.id, screen: this.#mesh.streams.screen.id },
    };
  }

  /** Tells the others what changed (mute, hand, camera, screen). */
  #announce(): void {
    if (this.#state !== 'Disconnected') this.#owner.send({ type: 'state', room: this.room, state: this.#memberState() });
  }

  #setState(state: CallState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.#events.emit('stateChanged');
  }
}

/** What is known of a callee before they answer: nothing yet. */
function silentMember(): MemberState {
  return { muted: false, handRaised: false, video: false, screenSharing: false, streams: { camera: '', screen: '' } };
}
