import type { CommunicationIdentifier } from '@azure/communication-common';
import type { ReactiveControllerHost } from 'lit';
import { AcsError, toAcsError } from '../core/errors.js';
import { rawIdOf } from '../core/raw-id.js';
import { loadCommonSdk } from '../core/sdk-loader.js';
import type { ActiveCallState, ParticipantView } from '../calling/active-call.js';
import { callEndedView } from '../calling/call-end-reason.js';
import { prefetchAzureEngine } from '../calling/call-engine-for.js';
import { hintCallingSdk } from '../calling/calling-sdk.js';
import type { AttachOptions } from '../calling/call-slot.js';
import { CallSlotController, type CallSlotEvents, type CallSlotView } from '../calling/call-slot-controller.js';
import { isPersonRawId, phoneOf, type CallTarget } from '../calling/call-target.js';
import { isE164 } from '../calling/e164.js';
import type { EngineCallAgent, EngineDeviceManager, EngineIncomingCall, EngineJoinOptions, EngineLocalVideoStream } from '../calling/call-engine.js';
import { idleMedia, LocalMedia, type LocalMediaState, type MediaDeviceOption } from './local-media.js';

export interface DeviceLists {
  readonly cameras: readonly MediaDeviceOption[];
  readonly microphones: readonly MediaDeviceOption[];
  readonly speakers: readonly MediaDeviceOption[];
}

export interface CallViewState extends CallSlotView {
  readonly phase: 'lobby' | 'joining' | 'in-call' | 'ended';
  readonly media: LocalMediaState;
  /** From the SDK's device manager once it is ready, else from the browser. */
  readonly devices: DeviceLists;
  readonly incoming: { readonly from: string; readonly name: string } | undefined;
}

export interface CallControllerCallbacks extends CallSlotEvents {
  /** The initial camera and microphone wishes (`camera`/`microphone` attributes). */
  initialMedia(): { camera: boolean; microphone: boolean };
  /** Ring this element when someone calls its user (`incoming`). */
  listenForIncoming(): boolean;
  onParticipantsChanged(participants: readonly ParticipantView[], joined: readonly ParticipantView[], left: readonly ParticipantView[]): void;
  onIncomingCall(from: string, name: string): void;
  onDataReceived(from: string, data: Uint8Array): void;
  onError(error: AcsError): void;
}

/**
 * Owns everything of one `<acs-call>` that is not DOM: the lobby's local media, the shared call
 * agent, the call in progress and incoming calls, as one immutable state object.
 */
export class CallController extends CallSlotController<CallViewState> {
  private media: LocalMedia | undefined;
  private deviceManager: EngineDeviceManager | undefined;
  private pendingIncoming: EngineIncomingCall | undefined;
  private localVideo: EngineLocalVideoStream | undefined;
  private lastWanted = { camera: true, microphone: true };
  private detachAgent: (() => void) | undefined;
  /** Settles when the camera and microphone asked for have opened (or failed). */
  private mediaSettled: Promise<void> = Promise.resolve();

  constructor(
    host: ReactiveControllerHost,
    private readonly callbacks: CallControllerCallbacks,
  ) {
    super(host, callbacks, {
      phase: 'lobby',
      media: idleMedia,
      agentReady: false,
      devices: { cameras: [], microphones: [], speakers: [] },
      call: undefined,
      incoming: undefined,
      ended: undefined,
      elapsedSeconds: 0,
    });
  }

  hostConnected(): void {
    this.lastWanted = this.callbacks.initialMedia();
    this.openMedia();
  }

  override hostDisconnected(): void {
    this.localVideo = undefined;
    this.pendingIncoming?.reject().catch(() => undefined);
    this.pendingIncoming = undefined;
    super.hostDisconnected();
    this.media?.stop();
    this.media = undefined;
  }

  /** Leases the call agent, lists the SDK's devices once its device manager is ready, and listens for incoming calls. */
  protected override async attachEngine(options: AttachOptions): Promise<EngineCallAgent | undefined> {
    const attaching = super.attachEngine(options);
    const deviceManager = this.slot.deviceManager;
    deviceManager?.then((manager) => (this.slot.holds(deviceManager) ? this.useDeviceManager(manager, deviceManager) : undefined)).catch(() => undefined);
    const agent = await attaching;
    if (!agent) return undefined;
    performance.mark('acs-call:agent-ready');
    const onIncoming = ({ incomingCall }: { incomingCall: EngineIncomingCall }) => {
      if (this.callbacks.listenForIncoming() && !this.slot.active && !this.pendingIncoming) this.ring(incomingCall);
    };
    agent.on('incomingCall', onIncoming);
    this.detachAgent = () => agent.off('incomingCall', onIncoming);
    return agent;
  }

  /** Starts downloading the calling SDK, without running it (see `hintCallingSdk`). */
  hintCallingSdk(): void {
    hintCallingSdk();
  }

  /** Downloads and runs the calling SDK before signing in, for an element that will most likely run on Azure. */
  prefetchAzureEngine(): void {
    prefetchAzureEngine();
  }

  /** Places or joins the call; resolves once the SDK has it (not when it connects). */
  async start(target: CallTarget): Promise<void> {
    if (this.slot.active) return;
    const agent = await this.slot.agentWhenReady();
    const participants = target.kind === 'people' ? await toIdentifiers(target) : undefined;
    if (this.state.phase === 'ended') await this.reopenMedia();
    this.setState({ phase: 'joining', ended: undefined });
    // Joining a moment after the page opened must still take the camera and microphone along.
    await this.mediaSettled;
    try {
      const options = this.handOverMedia();
      const call =
        target.kind === 'people'
          ? // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- set above for the same kind of target
            agent.startCall(participants!, {
              ...options,
              ...(target.alternateCallerId ? { alternateCallerId: { phoneNumber: target.alternateCallerId } } : {}),
            })
          : agent.join(
              target.kind === 'group' ? { groupId: target.groupId } : target.kind === 'room' ? { roomId: target.roomId } : { meetingLink: target.meetingLink },
              options,
            );
      this.follow(call);
    } catch (error) {
      this.setState({ phase: 'lobby' });
      throw toAcsError(error, 'call-failed');
    }
  }

  async accept(withVideo: boolean): Promise<void> {
    const incoming = this.pendingIncoming;
    if (!incoming) throw new AcsError('not-in-call', 'No call is ringing.');
    this.pendingIncoming = undefined;
    this.setState({ phase: 'joining', incoming: undefined, ended: undefined });
    await this.mediaSettled;
    if (!withVideo) await this.media?.setCamera(false);
    try {
      this.follow(await incoming.accept(this.handOverMedia()));
    } catch (error) {
      this.setState({ phase: 'lobby' });
      throw toAcsError(error, 'call-failed');
    }
  }

  async decline(): Promise<void> {
    const incoming = this.pendingIncoming;
    this.pendingIncoming = undefined;
    this.setState({ incoming: undefined });
    await incoming?.reject();
  }

  /** The element now calls someone else: the call with the old target ends and the lobby opens again. */
  async leaveForNewTarget(): Promise<void> {
    const active = this.slot.active;
    if (!active && this.state.phase !== 'ended') return;
    if (active) {
      const ended = callEndedView(active.state);
      this.slot.leaveCall();
      this.localVideo = undefined;
      this.callbacks.onCallEnded(ended);
    }
    await this.returnToLobby();
  }

  /** From the end screen (or a call just left) back to the lobby, with the camera and microphone as last wished. */
  async returnToLobby(): Promise<void> {
    this.setState({ phase: 'lobby', call: undefined, ended: undefined, elapsedSeconds: 0 });
    await this.reopenMedia();
  }

  async setMicrophone(on: boolean): Promise<void> {
    if (this.slot.active) return this.slot.active.mute(!on);
    this.lastWanted = { ...this.lastWanted, microphone: on };
    await this.media?.setMicrophone(on);
  }

  /** The lobby's preview painted its first frame. */
  previewShown(): void {
    this.media?.previewShown();
  }

  async setCamera(on: boolean): Promise<void> {
    const { media } = this;
    const { active, engine } = this.slot;
    if (!media) return;
    this.lastWanted = { ...this.lastWanted, camera: on };
    if (!on) {
      await active?.stopVideo();
      this.localVideo = undefined;
      await media.setCamera(false);
      return;
    }
    await media.setCamera(true);
    const stream = media.state.camera.stream;
    if (active && engine && stream) {
      this.localVideo = engine.createLocalVideoStream(stream);
      await active.startVideo(this.localVideo);
    }
  }

  async shareScreen(on: boolean): Promise<void> {
    try {
      await this.slot.active?.shareScreen(on);
    } catch (error) {
      // Closing the browser's screen picker is a choice, not a failure.
      if (error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'AbortError')) return;
      throw error;
    }
  }

  raiseHand(up: boolean): Promise<void> {
    return this.slot.active?.raiseHand(up) ?? Promise.resolve();
  }

  async sendData(data: Uint8Array): Promise<void> {
    if (this.slot.active?.state.callState !== 'Connected') throw new AcsError('not-in-call', 'sendData() needs a connected call.');
    await this.slot.active.sendData(data);
  }

  /** Adds a phone number to the call in progress, shown the ACS number `alternateCallerId`. */
  addPhoneParticipant(phoneNumber: string, alternateCallerId: string | undefined): void {
    if (!this.slot.active) throw new AcsError('not-in-call', 'Adding a participant needs a call in progress.');
    if (!isE164(phoneNumber)) throw new AcsError('invalid-phone-number', `"${phoneNumber}" is not an E.164 phone number.`);
    if (!isE164(alternateCallerId)) throw new AcsError('missing-caller-id', 'Adding a phone number needs an E.164 alternate-caller-id.');
    this.slot.active.call.addParticipant({ phoneNumber }, { alternateCallerId: { phoneNumber: alternateCallerId } });
  }

  async selectCamera(id: string): Promise<void> {
    await this.media?.selectCamera(id);
    const stream = this.media?.state.camera.stream;
    if (this.localVideo && stream) await this.localVideo.setMediaStream(stream);
  }

  async selectMicrophone(id: string): Promise<void> {
    const sdkDevice = (await this.deviceManager?.getMicrophones())?.find((device) => browserDeviceId(device.id) === id);
    await Promise.all([this.media?.selectMicrophone(id), sdkDevice && this.deviceManager?.selectMicrophone(sdkDevice)]);
  }

  async selectSpeaker(id: string): Promise<void> {
    this.media?.selectSpeaker(id);
    const sdkDevice = (await this.deviceManager?.getSpeakers())?.find((device) => browserDeviceId(device.id) === id);
    if (sdkDevice) await this.deviceManager?.selectSpeaker(sdkDevice);
  }

  private openMedia(): void {
    this.media = new LocalMedia((media) => {
      if (media.cameras.length && !this.state.media.cameras.length) performance.mark('acs-call:browser-devices-listed');
      this.setState({ media, devices: this.deviceManager ? this.state.devices : listsOf(media) });
    });
    this.mediaSettled = this.media.start(this.lastWanted);
  }

  private async reopenMedia(): Promise<void> {
    this.mediaSettled = Promise.all([this.media?.setCamera(this.lastWanted.camera), this.media?.setMicrophone(this.lastWanted.microphone)]).then(
      () => undefined,
    );
    await this.mediaSettled;
  }

  /**
   * Hands the lobby's media to the call about to start: the preview's camera stream becomes the
   * call's video (no second camera prompt) and the meter's microphone closes, since the SDK opens
   * its own. Returns the join options that say so.
   */
  private handOverMedia(): EngineJoinOptions {
    const media = this.media?.state;
    const camera = media?.camera.status === 'on' ? media.camera.stream : undefined;
    this.localVideo = camera && this.slot.engine ? this.slot.engine.createLocalVideoStream(camera) : undefined;
    const muted = media?.microphone.status !== 'on';
    void this.media?.setMicrophone(false);
    return { audioOptions: { muted }, ...(this.localVideo ? { videoOptions: { localVideoStreams: [this.localVideo] } } : {}) };
  }

  protected override onCallChange(state: ActiveCallState, previous: ActiveCallState): void {
    super.onCallChange(state, previous);
    const before = new Set(previous.participants.map((participant) => participant.id));
    const now = new Set(state.participants.map((participant) => participant.id));
    const joined = state.participants.filter((participant) => !before.has(participant.id));
    const left = previous.participants.filter((participant) => !now.has(participant.id));
    if (joined.length || left.length) this.callbacks.onParticipantsChanged(state.participants, joined, left);
  }

  protected override onCallEnded(state: ActiveCallState): void {
    // Nothing stays on after a call: the camera light goes off until the person rejoins.
    super.onCallEnded(state, () => void this.media?.setCamera(false));
  }

  protected override onData(from: string, data: Uint8Array): void {
    this.callbacks.onDataReceived(from, data);
  }

  protected override onAgentChanged(agent: EngineCallAgent | undefined): void {
    if (!agent) this.forgetAgent();
    super.onAgentChanged(agent);
  }

  protected override closeCall(): void {
    super.closeCall();
    this.localVideo = undefined;
  }

  private ring(incoming: EngineIncomingCall): void {
    this.pendingIncoming = incoming;
    const from = rawIdOf(incoming.callerInfo.identifier);
    // `||`, not `??`: a caller with an empty name is shown by id.
    // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
    const name = incoming.callerInfo.displayName || from;
    const onEnded = () => {
      incoming.off('callEnded', onEnded);
      if (this.pendingIncoming !== incoming) return;
      this.pendingIncoming = undefined;
      this.setState({ incoming: undefined });
    };
    incoming.on('callEnded', onEnded);
    this.setState({ incoming: { from, name } });
    this.callbacks.onIncomingCall(from, name);
  }

  private async useDeviceManager(manager: EngineDeviceManager, leased: Promise<EngineDeviceManager>): Promise<void> {
    const [cameras, microphones, speakers] = await Promise.all([manager.getCameras(), manager.getMicrophones(), manager.getSpeakers()]);
    if (!this.slot.holds(leased)) return;
    performance.mark('acs-call:device-manager-ready');
    this.deviceManager = manager;
    const options = (devices: readonly { id: string; name: string }[]) => devices.map(({ id, name }) => ({ id: browserDeviceId(id), label: name }));
    // Where the browser cannot route audio to a chosen output (no setSinkId), there is nothing to pick.
    const pickableSpeakers = manager.isSpeakerSelectionAvailable ? options(speakers) : [];
    this.setState({ devices: { cameras: options(cameras), microphones: options(microphones), speakers: pickableSpeakers } });
  }

  /** The lease was given back (signed out, left the page): nothing of the old agent stays in use. */
  private forgetAgent(): void {
    this.detachAgent?.();
    this.detachAgent = undefined;
    this.deviceManager = undefined;
  }
}

/**
 * The SDK names devices `camera:<id>`, `microphone:<id>`, `speaker:<id>` around the browser's own
 * `deviceId`; the view keeps the browser's, so the lobby's choice and the SDK's lists agree.
 */
function browserDeviceId(sdkDeviceId: string): string {
  return sdkDeviceId.slice(sdkDeviceId.indexOf(':') + 1);
}

function listsOf(media: LocalMediaState): DeviceLists {
  return { cameras: media.cameras, microphones: media.microphones, speakers: media.speakers };
}

/** Turns `callee` raw ids, checked by `readCallTarget`, into SDK identifiers. */
async function toIdentifiers(target: Extract<CallTarget, { kind: 'people' }>): Promise<CommunicationIdentifier[]> {
  const { createIdentifierFromRawId } = await loadCommonSdk();
  return target.callees.map((callee) => (isPersonRawId(callee) ? createIdentifierFromRawId(callee) : { phoneNumber: phoneOf(callee) }));
}
