/** Ends every track of a captured stream (camera light off, screen picker closed). */
export function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
