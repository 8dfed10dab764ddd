// The features a writer asks for: hover, code actions, the server commands and the `grounded/sources` request. Each
// answers from the check of the document (never a check of its own) and translates findings; none words a message.

import { acceptEdit } from './acceptEdit';
import { linesOf } from '../findings/checkedDraft';
import { SourcesRequest, type SourcesResult } from '../protocol';
import { codeActionsFor } from './codeActions';
import { executeCommand } from './commands';
import { onRequest } from './customMessages';
import { hoverAt } from './hover';
import { sourcesResult } from './library';
import type { ServerParts } from './parts';

export function registerFeatures(parts: ServerParts): void {
  const { connection, documents, scheduler, policies, session, libraries, folders, verifiedFromDisk } = parts;

  connection.onHover(async (params, token) => {
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    if (!document) return null;
    const offset = document.offsetAt(params.position);
    const checked = await scheduler.forRequest(uri, offset, offset, token);
    if (!checked) return null;
    return hoverAt(checked, linesOf(checked).offsetAt(params.position));
  });

  connection.onCodeAction(async (params, token) => {
    const uri = params.textDocument.uri;
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
      citationStyle: policy.citationStyle,
      supportsDocumentChanges: session.supportsDocumentChanges(),
      acceptEdit: (sentence) => acceptEdit(policy.acceptFile, sentence, session.capabilities),
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

  onRequest(connection, SourcesRequest, async (): Promise<SourcesResult> => {
    await session.libraryReady;
    return sourcesResult(libraries.all());
  });
}
