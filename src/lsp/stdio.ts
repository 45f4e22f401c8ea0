/** `flowport lsp --stdio`: the language server over the process's standard input and output. */
import { createConnection } from 'vscode-languageserver/node';
import { listen } from './server.ts';

/** Serves until the editor sends `exit` (which ends the process: 0 after `shutdown`, 1 without). */
export function listenOnStdio(): void {
  // Started by hand in a terminal, it would wait in silence: say what it is (stderr, not the protocol).
  if (process.stdin.isTTY)
    process.stderr.write(
      'flowport lsp: a language server, waiting for an editor to speak the Language Server Protocol on standard input. Start it from your editor instead (docs/editors.md); Ctrl-C to stop.\n',
    );
  listen(createConnection(process.stdin, process.stdout));
}
