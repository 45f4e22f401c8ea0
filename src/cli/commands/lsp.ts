import { Command } from 'commander';
import type { Io } from './validate.ts';

export function lspCommand(_io: Io, _setExit: (code: number) => void): Command {
  return new Command('lsp')
    .description("Start flowport's language server: findings as you type, and fixes, in your editor.")
    .option('--stdio', 'talk over standard input and output (the default, and the only transport)')
    .addHelpText(
      'after',
      `
The editor starts it and speaks the Language Server Protocol with it; nothing else is printed. It
validates the connector of each open connector file (apiDefinition.swagger.json, apiProperties.json,
readme.md, intro.md, script.csx, settings.json) with your unsaved text, as
\`flowport validate <folder>\` would (flowport.config.json, flowport-suppressions.json at the
workspace root), and offers the changes --fix makes as quick fixes and as "fix all" on save.

Breaking changes against git HEAD are shown too (what uncommitted edits would break).

Options the editor may pass (initializationOptions, or the "flowport" settings section):
  { "preset": "recommended" | "certification" | "independent-publisher",
    "breakingBase": "HEAD" | "origin/dev" | <any git revision> | false,
    "breakingAccept": "breaking-accepted.json" }

Editors: see docs/editors.md (Neovim, Helix, Emacs, Sublime Text, VS Code).
  nvim:  vim.lsp.start({ name = 'flowport', cmd = { 'npx', 'flowport', 'lsp', '--stdio' } })`,
    )
    .action(async () => {
      const { listenOnStdio } = await import('../../lsp/stdio.ts');
      listenOnStdio();
    });
}
