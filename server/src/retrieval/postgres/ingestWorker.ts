// An ingest worker's script when running from source (tsx); the bundle starts one from dist/cli.js instead.
import { runIngestWorker } from './ingestWorkers';

runIngestWorker();
