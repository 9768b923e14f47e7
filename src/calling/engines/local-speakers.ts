import type { FakeDominantSpeakers } from './fake-dominant-speakers.js';
import type { LocalMesh } from './local-mesh.js';
import type { LocalRemoteParticipant } from './local-remote-participant.js';

/** How often the others' loudness is read. */
const POLL_MS = 300;
/** Above this (of 1) a member is speaking: well over a quiet room's hiss. */
const SPEAKING_LEVEL = 0.02;

/**
 * Who speaks, from the loudness of each member's audio as this browser receives it (the
 * connections' `getStats`): `isSpeaking` per participant, and the loudest one as the dominant
 * speaker, who stays so until someone else is the loudest. Returns the function that stops it.
 */
export function watchSpeakers(mesh: LocalMesh, participants: () => readonly LocalRemoteParticipant[], dominantSpeakers: FakeDominantSpeakers): () => void {
  let dominant: string | undefined;
  let reading = false;
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    void mesh
      .audioLevels()
      .then((levels) => {
        let loudest: LocalRemoteParticipant | undefined;
        let loudestLevel = SPEAKING_LEVEL;
        for (const participant of participants()) {
          const level = participant.isMuted ? 0 : (levels.get(participant.userId) ?? 0);
          participant.setSpeaking(level > SPEAKING_LEVEL);
          if (level > loudestLevel) [loudest, loudestLevel] = [participant, level];
        }
        if (loudest && loudest.userId !== dominant) {
          dominant = loudest.userId;
          dominantSpeakers.setSpeakers([loudest.identifier]);
        }
      })
      .finally(() => (reading = false));
  }, POLL_MS);
  return () => clearInterval(timer);
}
