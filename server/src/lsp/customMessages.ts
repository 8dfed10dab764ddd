// Typed sending and handling of the custom requests and notifications protocol.ts declares, so the server never
// spells a method name or casts a payload.

import type { CancellationToken, Connection, Disposable } from 'vscode-languageserver/node';
import type { NotificationDeclaration, RequestDeclaration } from '../protocol';

export function sendNotification<P>(connection: Connection, declaration: NotificationDeclaration<P>, ...params: P extends void ? [] : [P]): Promise<void> {
  return connection.sendNotification(declaration.method, ...params);
}

export function onRequest<P, R>(
  connection: Connection,
  declaration: RequestDeclaration<P, R>,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): Disposable {
  return connection.onRequest(declaration.method, async (params: P, token: CancellationToken): Promise<R> => handler(params, token));
}
