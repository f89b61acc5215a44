/** A piece of work run on notices and timers, at most once at a time. */
export interface CoalescedRun {
  /** Runs the work now, or, while it runs, asks for one more pass; resolves when that pass is done. */
  run(): Promise<void>;
  /** No further passes; resolves when the one running (if any) ends. */
  stop(): Promise<void>;
}

/**
 * Runs `work` one pass at a time. Calls that come while a pass runs share it and ask for one more
 * pass after it, so many notices arriving together cost two passes, not one each, and none is
 * lost. A failed pass is handed to `failed`; the next notice or timer tick tries again.
 */
export function coalescedRun(work: () => Promise<unknown>, failed: (error: Error) => void): CoalescedRun {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await work();
        } while (again && !stopped);
      } catch (error) {
        failed(error as Error);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  return {
    run,
    async stop() {
      stopped = true;
      await running;
    },
  };
}
