// Worker threads that read and tokenise an ingest's files (readArticle.ts), so the ingest is not bound to one core:
// on a 100,000-article archive reading and tokenising took about three quarters of the ingest's CPU time, all on the
// thread that also sends the batches. Results come back in the order the files were given, so an ingest with workers
// writes exactly what one without them writes.
//
// The worker's script: the TypeScript module beside this one when running from source (tsx, scripts and tests), else
// the bundle this code is in (dist/cli.js), whose entry hands over to runIngestWorker when it starts as one
// (cli/main.ts).
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readArticle, type ArticleJob, type ArticleRead } from './readArticle';

const WORKER_MARK = 'grounded-ingest-worker';
const TSX_LOADER = 'tsx/cjs/api';
/** More would only contend with the database and the sending thread for the same cores. */
const MAX_WORKERS = 4;

export interface ArticleReader {
  read(job: ArticleJob): Promise<ArticleRead>;
  close(): Promise<void>;
}

/** Reads in this thread (a small ingest: starting workers would cost more than it saves). */
export const inThreadReader: ArticleReader = {
  read: async (job) => readArticle(job),
  close: async () => {},
};

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));
}

/** `count` workers, each given the next file when it has the fewest waiting. */
export function workerReader(count: number): ArticleReader {
  // From source, the worker registers tsx itself: a worker does not inherit the parent's `--import tsx` loader. (tsx
  // is a development package; its name is a value here so that the bundle, which never runs this, names no module.)
  const fromSource = __filename.endsWith('.ts');
  const script = fromSource
    ? `require(${JSON.stringify(TSX_LOADER)}).register(); require(${JSON.stringify(join(__dirname, 'ingestWorker.ts'))});`
    : __filename;
  const pending = new Map<number, { resolve(read: ArticleRead): void; reject(error: Error): void }>();
  let failure: Error | undefined;
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(script, { eval: fromSource, workerData: WORKER_MARK });
    const state = { worker, waiting: 0 };
    worker.on('message', ({ n, read }: { n: number; read: ArticleRead }) => {
      state.waiting--;
      pending.get(n)?.resolve(read);
      pending.delete(n);
    });
    worker.on('error', (error) => {
      failure = new Error(`a reading thread failed: ${error.message}`, { cause: error });
      for (const waiter of pending.values()) waiter.reject(failure);
      pending.clear();
    });
    return state;
  });
  let next = 0;
  return {
    read(job) {
      if (failure) return Promise.reject(failure);
      const n = next++;
      const state = workers.reduce((a, b) => (b.waiting < a.waiting ? b : a));
      state.waiting++;
      return new Promise((resolve, reject) => {
        pending.set(n, { resolve, reject });
        state.worker.postMessage({ n, job });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

/** Whether this thread was started as an ingest worker. */
export function isIngestWorker(): boolean {
  return !isMainThread && workerData === WORKER_MARK;
}

export function runIngestWorker(): void {
  parentPort!.on('message', ({ n, job }: { n: number; job: ArticleJob }) => {
    parentPort!.postMessage({ n, read: readArticle(job) });
  });
}
