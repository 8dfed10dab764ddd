// The LSP life cycle, enforced on every incoming message before any handler sees it: before `initialize` a request
// is answered ServerNotInitialized, a second `initialize` and any request after `shutdown` InvalidRequest, and
// notifications other than `exit` are dropped then. (The library would otherwise answer them `null`, as if the
// server had nothing to say.)

import {
  ErrorCodes,
  Message,
  ResponseError,
  type Connection,
  type MessageStrategy,
  type RequestMessage,
} from 'vscode-languageserver/node';

// The method a refused request is turned into: its handler answers with the error the guard chose.
const REFUSED = 'grounded/$refused';

type State = 'new' | 'initialized' | 'shut down';

export class LifecycleGuard implements MessageStrategy {
  private state: State = 'new';

  handleMessage(message: Message, next: (message: Message) => void): void {
    if (Message.isRequest(message)) {
      const refusal = this.refusal(message.method);
      if (refusal) {
        const refused: RequestMessage = { ...message, method: REFUSED, params: refusal };
        next(refused);
        return;
      }
      if (message.method === 'initialize') this.state = 'initialized';
      else if (message.method === 'shutdown') this.state = 'shut down';
    } else if (Message.isNotification(message) && this.state !== 'initialized' && message.method !== 'exit') {
      return;
    }
    next(message);
  }

  /** Answers the refused requests: call once the connection exists. */
  install(connection: Connection): void {
    connection.onRequest(REFUSED, (refusal: Refusal) => new ResponseError(refusal.code, refusal.message));
  }

  private refusal(method: string): Refusal | undefined {
    switch (this.state) {
      case 'new':
        return method === 'initialize' ? undefined : { code: ErrorCodes.ServerNotInitialized, message: `The server is not initialized: "${method}" must come after "initialize".` };
      case 'initialized':
        return method === 'initialize' ? { code: ErrorCodes.InvalidRequest, message: 'The server is initialized already.' } : undefined;
      case 'shut down':
        return { code: ErrorCodes.InvalidRequest, message: `The server is shut down: "${method}" is refused; only "exit" is expected.` };
    }
  }
}

interface Refusal {
  code: number;
  message: string;
}
