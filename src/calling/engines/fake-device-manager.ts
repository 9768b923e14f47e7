import type { AudioDeviceInfo, VideoDeviceInfo } from '@azure/communication-calling';
import type { EngineDeviceManager } from '../call-engine.js';

/** The browser's own devices (`enumerateDevices`), in the SDK's shapes and `camera:…` style ids. */
export class FakeDeviceManager implements EngineDeviceManager {
  readonly isSpeakerSelectionAvailable = 'setSinkId' in HTMLMediaElement.prototype;
  #selectedMicrophone: AudioDeviceInfo | undefined;
  #selectedSpeaker: AudioDeviceInfo | undefined;

  /** A device manager with the system's default microphone and speaker selected. */
  static async create(): Promise<FakeDeviceManager> {
    const manager = new FakeDeviceManager();
    const [microphones, speakers] = await Promise.all([manager.getMicrophones(), manager.getSpeakers()]);
    manager.#selectedMicrophone = microphones.find((device) => device.isSystemDefault) ?? microphones[0];
    manager.#selectedSpeaker = speakers.find((device) => device.isSystemDefault) ?? speakers[0];
    return manager;
  }

  get selectedMicrophone(): AudioDeviceInfo | undefined {
    return this.#selectedMicrophone;
  }

  get selectedSpeaker(): AudioDeviceInfo | undefined {
    return this.#selectedSpeaker;
  }

  async getCameras(): Promise<VideoDeviceInfo[]> {
    return (await devicesOfKind('videoinput')).map((device) => ({ id: `camera:${device.deviceId}`, name: device.label, deviceType: 'UsbCamera' }));
  }

  async getMicrophones(): Promise<AudioDeviceInfo[]> {
    return (await devicesOfKind('audioinput')).map((device) => audioDevice(device, 'Microphone'));
  }

  async getSpeakers(): Promise<AudioDeviceInfo[]> {
    return (await devicesOfKind('audiooutput')).map((device) => audioDevice(device, 'Speaker'));
  }

  selectMicrophone(microphone: AudioDeviceInfo): Promise<void> {
    this.#selectedMicrophone = microphone;
    return Promise.resolve();
  }

  selectSpeaker(speaker: AudioDeviceInfo): Promise<void> {
    this.#selectedSpeaker = speaker;
    return Promise.resolve();
  }
}

async function devicesOfKind(kind: MediaDeviceKind): Promise<MediaDeviceInfo[]> {
  return (await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === kind);
}

function audioDevice(device: MediaDeviceInfo, deviceType: 'Microphone' | 'Speaker'): AudioDeviceInfo {
  const prefix = deviceType === 'Microphone' ? 'microphone' : 'speaker';
  return { id: `${prefix}:${device.deviceId}`, name: device.label, deviceType, isSystemDefault: device.deviceId === 'default' };
}
