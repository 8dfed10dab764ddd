// The features a writer asks for: hover, code actions, citation completion, definition, references and links, the
// server commands and the `grounded/sources` and `grounded/bibliography` requests. Each
// answers from the check of the document (never a check of its own) and translates findings; none words a message.

import { acceptEdit } from './acceptEdit';
import { linesOf } from '../findings/checkedDraft';
import { BibliographyRequest, SourcesRequest, type BibliographyResult, type SourcesResult } from '../protocol';
import { bibliographyResult } from './bibliography';
import { bibliographyFileChanges } from './bibliographyFileEdit';
import { citationHoverAt } from './citationHover';
import { citationCompletions, resolveFootnoteDefinition, type PendingDefinition } from './completion';
import { definitionAt } from './definition';
import { documentLinks } from './documentLinks';
import { referencedSource, referencesOf } from './references';
import { codeActionsFor } from './codeActions';
import { executeCommand } from './commands';
import { onRequest } from './customMessages';
import { hoverAt } from './hover';
import { sourcesResult } from './library';
import type { ServerParts } from './parts';

export function registerFeatures(parts: ServerParts): void {
  const { connection, documents, scheduler, policies, session, libraries, folders, verifiedFromDisk, focus } = parts;

  connection.onHover(async (params, token) => {
    const uri = params.textDocument.uri;
    focus.at(uri, params.position.line);
    const document = documents.get(uri);
    if (!document) return null;
    const offset = document.offsetAt(params.position);
    const checked = await scheduler.forRequest(uri, offset, offset, token);
    if (!checked) return null;
    const at = linesOf(checked).offsetAt(params.position);
    return citationHoverAt(checked, at) ?? hoverAt(checked, at);
  });

  // Citation keys: completion after `[@` and `[^`, go to the source, every claim citing a source, links to sources.
  connection.onCompletion(async (params) => {
    focus.at(params.textDocument.uri, params.position.line);
    await session.libraryReady;
    const document = documents.get(params.textDocument.uri);
    const engine = document ? parts.libraryFor(document.uri)?.engine : undefined;
    if (!document || !engine) return null;
    const lazyDefinitions = session.capabilities.textDocument?.completion?.completionItem?.resolveSupport?.properties.includes('additionalTextEdits') === true;
    const read = (text: string) => scheduler.extractionOf(document.uri, engine, text);
    return citationCompletions(document, params.position, engine, { footnoteStyle: policies.forDocument(document.uri).footnoteStyle, lazyDefinitions, read });
  });

  connection.onCompletionResolve(async (item) => {
    const uri = (item.data as PendingDefinition | undefined)?.uri;
    if (uri === undefined) return item;
    const engine = parts.libraryFor(uri)?.engine;
    return resolveFootnoteDefinition(item, documents.get(uri), engine, policies.forDocument(uri).footnoteStyle, engine && ((text) => scheduler.extractionOf(uri, engine, text)));
  });

  connection.onDefinition(async (params, token) => {
    focus.at(params.textDocument.uri, params.position.line);
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const offset = document.offsetAt(params.position);
    const checked = await scheduler.forRequest(document.uri, offset, offset, token);
    return checked ? definitionAt(checked, linesOf(checked).offsetAt(params.position)) : null;
  });

  connection.onReferences(async (params, token) => {
    await session.libraryReady;
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    const offset = document?.offsetAt(params.position) ?? 0;
    const checked = document ? await scheduler.forRequest(uri, offset, offset, token) : undefined;
    const sourceId = referencedSource(uri, checked, checked ? linesOf(checked).offsetAt(params.position) : 0, parts.libraryFor(uri)?.engine);
    if (!sourceId) return null;
    return referencesOf(
      { documents, engine: (other) => parts.libraryFor(other)?.engine, lastExtraction: (other, engine) => scheduler.lastExtraction(other, engine), workspaceFolders: () => folders.paths() },
      sourceId,
      token,
    );
  });

  connection.onDocumentLinks(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const checked = await scheduler.forRequest(document.uri, 0, document.getText().length, token);
    return checked ? documentLinks(checked) : [];
  });

  connection.onCodeAction(async (params, token) => {
    const uri = params.textDocument.uri;
    focus.at(uri, params.range.start.line);
    const document = documents.get(uri);
    if (!document) return [];
    const checked = await scheduler.forRequest(uri, document.offsetAt(params.range.start), document.offsetAt(params.range.end), token);
    if (!checked) return [];
    const lines = linesOf(checked);
    const policy = policies.forDocument(uri);
    return codeActionsFor({
      document: checked,
      start: lines.offsetAt(params.range.start),
      end: lines.offsetAt(params.range.end),
      only: params.context.only,
      ...(params.context.triggerKind !== undefined ? { triggerKind: params.context.triggerKind } : {}),
      findingOptions: { severity: policy.severity, isAccepted: policy.isAccepted },
      citationFormat: policy,
      supportsDocumentChanges: session.supportsDocumentChanges(),
      acceptEdit: (sentence) => acceptEdit(policy.acceptFile, sentence, session.capabilities),
      bibliographyChanges: () => bibliographyFileChanges(policy.config?.bibliography, checked.engine.library.sources, session.capabilities),
    });
  });

  connection.onExecuteCommand((params, token) =>
    executeCommand(
      {
        connection,
        documents,
        scheduler,
        policies,
        library: parts.libraryFor,
        libraries: () => libraries.all(),
        libraryReady: session.libraryReady,
        workspaceFolders: () => folders.paths(),
        publish: parts.publish,
        verifiedFromDisk: (uri) => verifiedFromDisk.add(uri),
        supportsDocumentChanges: session.supportsDocumentChanges(),
      },
      params,
      token,
    ),
  );

  onRequest(connection, BibliographyRequest, async (params): Promise<BibliographyResult> => {
    await session.libraryReady;
    return bibliographyResult(params, params.uri ? [parts.libraryFor(params.uri)].flatMap((loaded) => (loaded ? [loaded] : [])) : libraries.all());
  });

  onRequest(connection, SourcesRequest, async (): Promise<SourcesResult> => {
    await session.libraryReady;
    return sourcesResult(libraries.all());
  });
}
