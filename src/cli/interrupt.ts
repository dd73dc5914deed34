/**
 * Ctrl-C during long work: the first one asks the work to stop at its next safe point (a report
 * finished, a batch committed) and says so; the second quits at once. The work itself says what was
 * done and how to go on (an InterruptedError).
 */
export interface Interrupt {
  signal: AbortSignal;
  dispose(): void;
}

export function onInterrupt(stopping: string, stream: NodeJS.WritableStream = process.stderr): Interrupt {
  const controller = new AbortController();
  const handler = () => {
    if (controller.signal.aborted) process.exit(130);
    stream.write(`\nreport2graph: ${stopping}… (Ctrl-C again to quit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
