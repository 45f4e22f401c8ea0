import { Command, CommanderError } from 'commander';
import { isFlowportError } from '../errors.ts';
import { VERSION } from '../version.ts';
import { keysCommand, tokenCommand } from './commands/admin.ts';
import { armCommand } from './commands/arm.ts';
import { breakingCommand } from './commands/breaking.ts';
import { connectCommand, connectionsCommand } from './commands/connect.ts';
import { deployCommand } from './commands/deploy.ts';
import { downloadCommand } from './commands/download.ts';
import { environmentsCommand } from './commands/environments.ts';
import { initCommand } from './commands/init.ts';
import { loginCommand, logoutCommand } from './commands/login.ts';
import { lspCommand } from './commands/lsp.ts';
import { mcpCommand } from './commands/mcp.ts';
import { mockCommand } from './commands/mock.ts';
import { oauthDoctorCommand } from './commands/oauth-doctor.ts';
import { operationsCommand } from './commands/operations.ts';
import { packageCommand } from './commands/package.ts';
import { prCommand } from './commands/pr.ts';
import { recordCommand } from './commands/record.ts';
import { responseSchemaCommand } from './commands/response-schema.ts';
import { rulesCommand } from './commands/rules.ts';
import { runCommand } from './commands/run.ts';
import { serveCommand } from './commands/serve.ts';
import { smokeCommand } from './commands/smoke.ts';
import { triggerCommand } from './commands/trigger.ts';
import { type Io, validateCommand } from './commands/validate.ts';
import { EXIT } from './exit.ts';

/** The `flowport` program; `io` and the exit callback are injected so tests run it in process. */
export function createProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('flowport')
    .description('Create, validate, run, host and ship Power Platform connectors — offline.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  program.addCommand(validateCommand(io, setExit));
  program.addCommand(rulesCommand(io, setExit));
  program.addCommand(breakingCommand(io, setExit));
  program.addCommand(initCommand(io, setExit));
  program.addCommand(operationsCommand(io, setExit));
  program.addCommand(runCommand(io, setExit));
  program.addCommand(smokeCommand(io, setExit));
  program.addCommand(mockCommand(io, setExit));
  program.addCommand(recordCommand(io, setExit));
  program.addCommand(responseSchemaCommand(io, setExit));
  program.addCommand(triggerCommand(io, setExit));
  program.addCommand(serveCommand(io, setExit));
  program.addCommand(packageCommand(io, setExit));
  program.addCommand(prCommand(io, setExit));
  program.addCommand(loginCommand(io, setExit));
  program.addCommand(logoutCommand(io, setExit));
  program.addCommand(deployCommand(io, setExit));
  program.addCommand(downloadCommand(io, setExit));
  program.addCommand(environmentsCommand(io, setExit));
  program.addCommand(armCommand(io, setExit));
  program.addCommand(mcpCommand(io, setExit));
  program.addCommand(oauthDoctorCommand(io, setExit));
  program.addCommand(connectCommand(io, setExit));
  program.addCommand(connectionsCommand(io, setExit));
  program.addCommand(tokenCommand(io, setExit));
  program.addCommand(keysCommand(io, setExit));
  program.addCommand(lspCommand(io, setExit));
  const configure = (c: Command): void => {
    c.exitOverride().configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
    for (const sub of c.commands) configure(sub);
  };
  for (const c of program.commands) configure(c);
  return program;
}

/** Runs the CLI and resolves to its exit code; never throws for a user's mistake. */
export async function main(
  argv: string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let code: number = EXIT.ok;
  const program = createProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isFlowportError(error)) {
      io.stderr.write(`flowport: ${error.message} [${error.code}]\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
