// Long work written once, as a generator that yields between steps (a source file read, a source indexed), and run
// either at once (the CLI, which has nothing else to do) or in slices between which the event loop runs (the language
// server, which must answer a hover while it loads 10,000 articles).

/** Work that yields between its steps and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now. */
export function finishNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

// Long enough that switching costs little, short enough that a request waits for one slice at most unnoticed.
const SLICE_MS = 15;

/** Runs the steps in slices of about SLICE_MS, letting the event loop run (timers, messages) between them. */
export async function finishInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
