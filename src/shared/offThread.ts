// A pure CPU-bound step run on a worker thread of its own, so that the event loop keeps
// answering requests meanwhile (the cockpit's judging and JSON: ~50–100 ms that held every
// waiting reader, cockpit/judging.ts). One thread per step and process, started on first use
// and unreferenced (it never keeps the process alive); requests are answered in order.
//
// Until the thread has started (its first use in a process: tsx compiles its modules, 1–5 s
// on this machine), a step runs on the calling thread, the same function on the same input.
// If the thread dies, what it was doing fails and the next use starts another; if it never
// started (it cannot load), steps stay on the calling thread rather than retry at each use.
import { Worker } from 'node:worker_threads';

/** What a thread's module exports: `run`, a pure function; `transfer`, buffers to move rather than copy. */
export type ThreadStep<I, O> = (input: I) => { value: O; transfer?: ArrayBuffer[] };

export class OffThread<I, O> {
  private worker: Worker | undefined;
  private started: Promise<void> = Promise.resolve();
  private ready = false;
  /** The thread failed before it was ready: it is not tried again. */
  private unstartable = false;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (v: O) => void; reject: (e: Error) => void }>();

  /**
   * `entry`: the module exporting `run` (its URL, for the thread); `run`: the same function,
   * for the calls made before the thread is ready.
   */
  constructor(
    private readonly entry: URL,
    private readonly run: ThreadStep<I, O>,
  ) {}

  /** `run(input)` on the thread, or here while it starts. */
  call(input: I): Promise<O> {
    const w = this.start();
    if (!w || !this.ready) {
      try {
        return Promise.resolve(this.run(input).value);
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
    const id = this.next++;
    const answer = new Promise<O>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    if (this.pending.size === 1) w.ref(); // a caller is waiting: the answer must be heard
    w.postMessage({ id, input });
    return answer;
  }

  /** Settles once the thread is ready (tests use it to be sure a step ran there). */
  whenReady(): Promise<void> {
    const w = this.start();
    if (!w) return Promise.reject(new Error('the off-thread worker could not start'));
    if (this.ready) return Promise.resolve();
    w.ref(); // someone waits for it
    const settle = () => this.pending.size === 0 && w.unref();
    this.started.then(settle, settle);
    return this.started;
  }

  /** Whether steps run on the thread now. */
  get onThread(): boolean {
    return this.ready;
  }

  private start(): Worker | undefined {
    if (this.worker || this.unstartable) return this.worker;
    const w = new Worker(new URL('./offThreadBoot.mjs', import.meta.url), { workerData: { entry: this.entry.href } });
    this.worker = w;
    let started = (): void => undefined;
    let failed = (_: Error): void => undefined;
    this.started = new Promise<void>((resolve, reject) => ((started = resolve), (failed = reject)));
    this.started.catch(() => undefined); // also told to every caller waiting (below)
    w.on('message', (m: { ready?: boolean; id?: number; value?: O; error?: string }) => {
      if (m.ready) {
        this.ready = true;
        started();
        return;
      }
      const p = this.pending.get(m.id!);
      if (!p) return;
      this.pending.delete(m.id!);
      if (this.pending.size === 0) w.unref();
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.value as O);
    });
    const lost = (err: Error) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      if (!this.ready) this.unstartable = true;
      this.ready = false;
      failed(err);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    w.on('error', lost);
    w.on('exit', (code) => lost(new Error(`off-thread worker exited (${code})`)));
    w.unref(); // never keeps the process alive by itself (referenced while a caller waits)
    return w;
  }
}
