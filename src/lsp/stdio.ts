/** `flowport lsp --stdio`: the language server over the process's standard input and output. */
import { createConnection } from 'vscode-languageserver/node';
import { listen } from './server.ts';

/** Serves until the editor sends `exit` (which ends the process: 0 after `shutdown`, 1 without). */
export function listenOnStdio(): void {
  listen(createConnection(process.stdin, process.stdout));
}
