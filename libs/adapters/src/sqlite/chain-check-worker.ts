import { parentPort, workerData } from 'node:worker_threads';
import { verifyFile } from './chain-check';

/** A whole pass over the log's hash chain on a thread of its own (chain-check.ts). */
void verifyFile((workerData as { file: string }).file).then((result) => parentPort!.postMessage(result));
