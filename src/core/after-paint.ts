/** A page in the background paints nothing: past this, waiting for a paint is given up. */
const NO_PAINT_MS = 250;

/**
 * Settles once the browser has painted the frame after this call: work started then (downloading
 * an SDK, evaluating it) does not hold back what the visitor is about to see. A hidden page paints
 * no frames, so there it settles after a quarter of a second.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, NO_PAINT_MS);
  });
}
