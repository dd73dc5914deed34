/** Progress on long work: a bar with rate and ETA on a terminal, plain lines otherwise (logs, CI, pipes). */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(done: number, total: number, label: string): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, what = 'documents'): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: `{bar} {value}/{total} ${what} | {rate}/s | ETA {eta_formatted} | {label}`, hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    const t0 = Date.now();
    return {
      tick(done, total, label) {
        if (!started) {
          bar.start(total, 0, { label: '', rate: '0.0' });
          started = true;
        }
        const rate = (done / Math.max(0.001, (Date.now() - t0) / 1000)).toFixed(1);
        bar.update(done, { label, rate });
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  const started = Date.now();
  return {
    tick(done, total, label) {
      // Plain lines, at most about twenty for the whole job, with the rate.
      const step = Math.max(1, Math.ceil(total / 20));
      if (done % step !== 0 && done !== total) return;
      const seconds = (Date.now() - started) / 1000;
      stream.write(`[${done}/${total}] ${label} (${(done / Math.max(seconds, 0.001)).toFixed(1)} ${what}/s)\n`);
    },
    stop() {},
  };
}
