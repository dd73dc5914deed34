/** Worker thread: runs document jobs for the corpus runner. */
import { parentPort } from 'node:worker_threads';
import { runJob } from './job.js';

parentPort!.on('message', async (path: string) => {
  parentPort!.postMessage(await runJob(path));
});
