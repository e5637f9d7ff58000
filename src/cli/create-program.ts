import { Command, Option } from 'commander';
import type { CommandContext } from './commands/explain-command.js';

export type ContextFactory = (logLevel: string | undefined) => Promise<CommandContext>;

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function attackOption(): Option {
  return new Option('--attack <path>', 'ATT&CK STIX bundle file, or a folder of enterprise/ics/mobile bundles (default: $IDS_EXPLAIN_ATTACK, then the download folder)');
}

function logLevelOption(): Option {
  return new Option('--log-level <level>', 'log detail on standard error: debug, info, warn, error or silent (default: $IDS_EXPLAIN_LOG_LEVEL or warn)');
}

/**
 * Builds the command-line program. Each command imports its implementation only when it
 * runs, so `--help` and light commands start fast.
 */
export function createProgram(createContext: ContextFactory): Command {
  const program = new Command('ids-explain')
    .description('Explain intrusion-detection and SIEM alerts in plain language, grounded in MITRE ATT&CK.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('explain')
    .description('explain one alert (a file, or standard input when FILE is "-" or absent)')
    .argument('[file]', 'alert file: key/value text or JSON')
    .option('--format <format>', 'output format: md or json', 'md')
    .addOption(attackOption())
    .option('--backend <name>', 'explanation backend: offline (composes from ATT&CK, no LLM)', 'offline')
    .option('--max-techniques <n>', 'maximum number of ATT&CK techniques in the explanation, 1 to 10', '3')
    .option('--input-format <name>', 'alert format: auto, key-value or json', 'auto')
    .addOption(examplesOption('labelled examples that teach the technique mapper: a JSON Lines file or a folder of Sigma rules (default: $IDS_EXPLAIN_EXAMPLES)'))
    .option('--no-cache', 'do not read or write the cached ATT&CK index')
    .addOption(logLevelOption())
    .action(async (file: string | undefined, options) => {
      const { runExplainCommand } = await import('./commands/explain-command.js');
      await runExplainCommand(file, options, await createContext(options.logLevel));
    });

  program
    .command('schema')
    .description('print the JSON Schema of the explanation output')
    .action(async () => {
      const { runSchemaCommand } = await import('./commands/schema-command.js');
      runSchemaCommand(await createContext(undefined));
    });

  const attack = program.command('attack').description('manage the ATT&CK data that explanations are grounded in');
  attack
    .command('download')
    .description('download official ATT&CK STIX bundles from the attack-stix-data repository into the data folder')
    .option('--domain <domain>', 'domain to download: enterprise, ics or mobile; repeat for several (default: all three)', collect)
    .option('--release <version>', 'ATT&CK release such as 18.1 (default: the newest)')
    .addOption(new Option('--base-url <url>', 'server that mirrors the attack-stix-data layout (default: $IDS_EXPLAIN_ATTACK_BASE_URL, then GitHub)'))
    .addOption(logLevelOption())
    .action(async (options) => {
      const { runAttackDownloadCommand } = await import('./commands/attack-command.js');
      await runAttackDownloadCommand(options, await createContext(options.logLevel));
    });
  attack
    .command('info')
    .description('show which ATT&CK data would be used and what it contains')
    .addOption(attackOption())
    .option('--no-cache', 'do not read or write the cached ATT&CK index')
    .addOption(logLevelOption())
    .action(async (options) => {
      const { runAttackInfoCommand } = await import('./commands/attack-command.js');
      runAttackInfoCommand(options, await createContext(options.logLevel));
    });

  addEvalCommands(program, createContext);
  return program;
}

function examplesOption(description: string): Option {
  return new Option('--examples <path>', description);
}

/**
 * Registers `eval` and its subcommands. Other evaluations join as further subcommands of the
 * same parent.
 */
function addEvalCommands(program: Command, createContext: ContextFactory): void {
  const evaluation = program.command('eval').description('measure the quality of ids-explain on labelled data');
  evaluation
    .command('mapping')
    .description('score ATT&CK technique mapping on labelled rules (title, description and log source only)')
    .requiredOption('--set <file>', 'labelled rules to score: JSON Lines with id, title, description, logsource and techniques')
    .addOption(examplesOption('labelled examples to learn from: JSON Lines in the same layout or a folder of Sigma rules; examples from the same corpus as --set are scored by grouped cross-validation'))
    .option('--folds <k>', 'number of cross-validation folds when --examples shares rules with --set, 2 to 20', '5')
    .option('--json', 'print one JSON object instead of the text report')
    .option('--min-hierarchical-f1 <x>', 'exit with code 1 when hierarchical F1 is below this fraction')
    .option('--min-parent-recall-at-5 <x>', 'exit with code 1 when parent recall@5 is below this fraction')
    .option('--min-parent-recall-at-10 <x>', 'exit with code 1 when parent recall@10 is below this fraction')
    .addOption(attackOption())
    .option('--no-cache', 'do not read or write the cached ATT&CK and mapping indexes')
    .addOption(logLevelOption())
    .action(async (options) => {
      const { runEvalMappingCommand } = await import('./commands/eval-mapping-command.js');
      await runEvalMappingCommand(options, await createContext(options.logLevel));
    });
}
