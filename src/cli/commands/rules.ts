import { Command, Option } from 'commander';
import { PRESETS } from '../../validate/rule.ts';
import type { RulesFlags } from '../actions/rules-command.ts';
import type { Io } from './validate.ts';

export function rulesCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('rules')
    .description(
      "List the validation rules, or explain one: by flowport's id or by the rule name Microsoft's pipeline prints.",
    )
    .argument('[rule]', 'a rule id (`consumes-missing`) or Microsoft rule name (`ConsumesMissing`)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('-p, --preset <preset>', 'only the rules of a preset').choices([...PRESETS]))
    .option('--category <category>', 'only the rules of a category (document, operation, parameter, schema…)')
    .option('--fixable', 'only the rules whose findings `flowport validate --fix` fixes')
    .option(
      '--import <ruleset>',
      "write a Spectral ruleset's rules into the config as custom rules (those flowport can run), and list the others",
    )
    .option('--prefix <prefix>', 'with --import: put before every imported rule id (e.g. `contoso-`)')
    .option(
      '--config <file>',
      'the config whose custom rules are listed too (default: flowport.config.json found from here up)',
    )
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      `
Examples:
  flowport rules                                   # every rule, its severity in each preset
  flowport rules --preset certification --fixable  # what --fix can do for certification
  flowport rules ConsumesMissing                   # what the pipeline's finding means, and the fix
  flowport rules --import .spectral.yaml --prefix contoso-   # a Spectral ruleset's rules as custom rules`,
    )
    .action(async (name: string | undefined, flags: RulesFlags & { import?: string; prefix?: string }) => {
      if (flags.import !== undefined) {
        const { runRulesImport } = await import('../actions/rules-import.ts');
        const { config, prefix } = flags;
        setExit(runRulesImport(flags.import, { ...(config && { config }), ...(prefix && { prefix }) }, io));
        return;
      }
      const { runRulesCommand } = await import('../actions/rules-command.ts');
      setExit(runRulesCommand(name, flags, io));
    });
}
