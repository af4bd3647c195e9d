// The start of an OffThread worker (./offThread.ts): the sources are TypeScript run
// through tsx, which a worker thread must register for itself, as bin/gongjian.mjs does.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// Behind the event loop for the CPU (Linux: a thread has its own niceness): on a busy
// machine the readers this thread stands aside for come first. Elsewhere left as it is.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // no /proc/thread-self (not Linux), or not allowed: the thread keeps the process's priority
}

register();
const { run } = await import(workerData.entry);
parentPort.on('message', ({ id, input }) => {
  try {
    const { value, transfer } = run(input);
    parentPort.postMessage({ id, value }, transfer ?? []);
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
parentPort.postMessage({ ready: true });
