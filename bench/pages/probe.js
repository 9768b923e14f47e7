// Injected into every bench page before its own scripts (Playwright init script), after
// `window.benchProbe` ({ main, composer?, historyText?, usable, usableText? }, see probe.ts) is set.
//
// It polls once per animation frame: a rAF callback runs just before the browser paints that
// frame, so the time it records is that of the frame in which the state first shows. Selectors
// pierce open shadow roots. A video's first frame is timed by hooking `srcObject`: the moment a
// camera stream is attached, `requestVideoFrameCallback` waits for its first presented frame.
(() => {
  const probe = window.benchProbe;
  const times = {};
  performance.setResourceTimingBufferSize(10000);

  const roots = () => {
    const found = [document];
    // The array iterator also visits the roots pushed while it runs.
    for (const root of found) {
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(element.shadowRoot);
    }
    return found;
  };
  const all = (selector) => roots().flatMap((root) => [...root.querySelectorAll(selector)]);
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const matches = (element, text) => visible(element) && (text === undefined || element.textContent.trim() === text);
  const shown = (selector) => all(selector).some((element) => visible(element));
  const enabled = (selector, text) =>
    all(`${selector}:not([disabled]):not([readonly])`).some((element) => element.getAttribute('aria-disabled') !== 'true' && matches(element, text));
  const historyShown = () => roots().some((root) => (root === document ? document.body : root).textContent.includes(probe.historyText));

  const frame = () => {
    const now = performance.now();
    if (document.body) {
      if (times.painted === undefined && shown(probe.main)) times.painted = now;
      if (probe.composer && times.composer === undefined && shown(probe.composer)) times.composer = now;
      if (times.usable === undefined && enabled(probe.usable, probe.usableText) && (!probe.historyText || historyShown())) times.usable = now;
    }
    if (times.usable === undefined || times.painted === undefined || (probe.composer && times.composer === undefined)) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  const descriptor = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
    ...descriptor,
    set(stream) {
      descriptor.set.call(this, stream);
      if (stream?.getVideoTracks().length && this instanceof HTMLVideoElement && times.firstVideoFrame === undefined) {
        this.requestVideoFrameCallback((now) => (times.firstVideoFrame ??= now));
      }
    },
  });

  let deltas;
  window.bench = {
    times,
    /** The main region's box (the largest match), for the mouse. */
    mainBox: () => {
      const boxes = all(probe.main).map((element) => element.getBoundingClientRect());
      const box = boxes.reduce((largest, next) => (next.width * next.height > largest.width * largest.height ? next : largest));
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    },
    /** Starts recording the interval of every animation frame. */
    recordFrames: () => {
      deltas = [];
      let last = performance.now();
      const tick = (now) => {
        deltas.push(now - last);
        last = now;
        if (deltas) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    /** Stops recording; the frame intervals, the element count (shadow roots included), and the oldest `seed N` on screen. */
    census: () => {
      const frames = deltas.slice(1);
      deltas = undefined;
      let elements = 0;
      let oldestSeed = Infinity;
      for (const root of roots()) {
        for (const element of root.querySelectorAll('*')) {
          elements += 1;
          const seed = element.childElementCount === 0 && /^seed (\d+)$/.exec(element.textContent.trim());
          if (seed) oldestSeed = Math.min(oldestSeed, Number(seed[1]));
        }
      }
      return { frames, elements, oldestSeed };
    },
  };
})();
