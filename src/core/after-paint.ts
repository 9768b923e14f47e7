/**
 * Settles once the browser has painted the frame after this call: work started then (downloading
 * an SDK, evaluating it) does not hold back what the visitor is about to see. A hidden page paints
 * no frames, so it settles when the page is shown.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}
