// Resolves what a draft cites to a library source: an id (case-insensitive) or a URL (scheme, "www." and trailing
// slashes ignored). The engine and the language server's citation edits share it, so they always agree.
import type { CitationResolver } from '../markdown/citations';
import type { SourceMetadata } from '../model';

export function libraryCitationResolver(sources: readonly SourceMetadata[]): CitationResolver {
  const byId = new Map(sources.map((s) => [s.id.toLowerCase(), s.id]));
  const byUrl = new Map(sources.filter((s) => s.url).map((s) => [normalizeUrl(s.url!), s.id]));
  return {
    sourceIdForKey: (key) => byId.get(key.trim().toLowerCase()),
    sourceIdForUrl: (url) => byUrl.get(normalizeUrl(url)),
  };
}

function normalizeUrl(url: string): string {
  return url.trim().replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/[/#?]+$/, '').toLowerCase();
}
