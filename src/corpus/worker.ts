/** Worker thread: runs document jobs for the corpus runner. */
import { parentPort } from 'node:worker_threads';
import type { LoadOptions } from '../text/load.js';
import { runJob } from './job.js';

// Jobs run one after another, in the order they were posted.
let queue = Promise.resolve();
parentPort!.on('message', ({ id, path, options }: { id: number; path: string; options: LoadOptions }) => {
  queue = queue.then(async () => parentPort!.postMessage({ id, result: await runJob(path, options) }));
});
