// The newsroom archive (PostgreSQL) in the editor. A library whose project config names `sources.database` (or any
// library, when the server's environment sets GROUNDED_DATABASE_URL) checks each draft against its local sources and
// the archive together: one round trip per check fetches what the draft's claims need. When the archive cannot be
// asked, the check falls back to the local sources alone and the status bar says so: a draft never turns
// "unsupported everywhere" because a server is down.
import type { Engine } from '../engine';
import { RetrievalError, type RemoteRetrieval, type RetrievalBatch, type RetrievalRequest } from '../retrieval/retrieval';
import { databaseUrlFrom, describeDatabase } from '../retrieval/postgres/databaseUrl';

/** The archive a library uses: its project config's, else the server's GROUNDED_DATABASE_URL, else none. */
export function archiveUrlFor(configured: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return configured ?? databaseUrlFrom(undefined, env);
}

/**
 * One connection pool per archive for the server's life: libraries are loaded again on every settings or source
 * change, and each reload must not open connections of its own. node-postgres loads with the first retrieval, so a
 * server without an archive never loads it.
 */
const archives = new Map<string, RemoteRetrieval>();

export function archiveRetrieval(url: string): RemoteRetrieval {
  let retrieval = archives.get(url);
  if (!retrieval) archives.set(url, (retrieval = new LazyRetrieval(url)));
  return retrieval;
}

/** Ends the archives' connections (the server is shutting down). */
export async function closeArchives(): Promise<void> {
  const open = [...archives.values()];
  archives.clear();
  await Promise.all(open.map((retrieval) => retrieval.close().catch(() => undefined)));
}

/**
 * After a failure the archive is not asked again for this long: a host that drops packets costs a connection timeout
 * (5 s), and checking as you type would pay it at every pause.
 */
const RETRY_AFTER_MS = 30_000;

class LazyRetrieval implements RemoteRetrieval {
  readonly description: string;
  private retrieval: Promise<RemoteRetrieval> | undefined;
  private lastFailure: { at: number; error: RetrievalError } | undefined;

  constructor(private readonly url: string) {
    this.description = describeDatabase(url);
  }

  async retrieve(request: RetrievalRequest): Promise<RetrievalBatch> {
    if (this.lastFailure && Date.now() - this.lastFailure.at < RETRY_AFTER_MS) throw this.lastFailure.error;
    this.retrieval ??= import('../retrieval/postgres/pgRetrieval').then(({ PostgresRetrieval }) => new PostgresRetrieval(this.url));
    try {
      const batch = await (await this.retrieval).retrieve(request);
      this.lastFailure = undefined;
      return batch;
    } catch (error) {
      if (error instanceof RetrievalError) this.lastFailure = { at: Date.now(), error };
      throw error;
    }
  }

  async close(): Promise<void> {
    const retrieval = this.retrieval;
    this.retrieval = undefined;
    await (await retrieval)?.close();
  }
}

/** An engine ready for one draft or sentence, and why the archive was left out when it was. */
export interface Prepared {
  engine: Engine;
  /** Set when the library has an archive that could not be asked: the engine checks against the local sources. */
  archiveUnreachable?: string;
}

/** The engine that checks this draft: with an archive, one holding the draft's candidates (one round trip). */
export async function engineForDraft(engine: Engine, markdown: string): Promise<Prepared> {
  return prepared(engine, () => engine.forDraft?.(markdown));
}

/** The engine that ranks the sources for one sentence (completion, Insert Citation). */
export async function engineForSentence(engine: Engine, sentence: string): Promise<Prepared> {
  return prepared(engine, () => engine.forSentence?.(sentence));
}

async function prepared(engine: Engine, prepare: () => Promise<Engine> | undefined): Promise<Prepared> {
  try {
    return { engine: (await prepare()) ?? engine };
  } catch (error) {
    if (!(error instanceof RetrievalError) || !engine.embedded) throw error;
    return { engine: engine.embedded, archiveUnreachable: error.message };
  }
}
