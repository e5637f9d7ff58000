import { Command, Option } from 'commander';
import { alertFormatNames } from '../alert/adapters/alert-format-names.js';
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
 * Returns the command group `name` of `program`, creating it on first use, so that several
 * subcommands (such as `eval mapping` and `eval explanations`) can register under one parent.
 */
export function commandGroup(program: Command, name: string, description: string): Command {
  return program.commands.find((command) => command.name() === name) ?? program.command(name).description(description);
}

/**
 * Builds the command-line program. Each command imports its implementation only when it
 * runs, so `--help` and light commands start fast.
 */
export function createProgram(createContext: ContextFactory): Command {
  const program = new Command('ids-explain')
    .description('Explain intrusion-detection and SIEM alerts in plain language, grounded in MITRE ATT&CK.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    // Subcommands copy this setting when they are created, so it must come first.
    .exitOverride();

  program
    .command('explain')
    .description('explain one alert (a file, or standard input when FILE is "-" or absent)')
    .argument('[file]', 'alert file in any supported format (see --input-format)')
    .option('--format <format>', 'output format: md or json', 'md')
    .addOption(attackOption())
    .option('--backend <name>', 'explanation backend: offline (composes from ATT&CK, no LLM)', 'offline')
    .option('--max-techniques <n>', 'maximum number of ATT&CK techniques in the explanation, 1 to 10', '3')
    .option('--input-format <name>', `alert format: auto (detect), or one of ${alertFormatNames.join(', ')}`, 'auto')
    .option('--no-cache', 'do not read or write the cached ATT&CK index')
    .addOption(logLevelOption())
    .action(async (file: string | undefined, options) => {
      const { runExplainCommand } = await import('./commands/explain-command.js');
      await runExplainCommand(file, options, await createContext(options.logLevel));
    });

  program
    .command('batch')
    .description('explain many alerts (JSON Lines, JSON arrays, folders of alert files, or standard input) into a JSON Lines file')
    .argument('[inputs...]', 'files, folders, or "-" for standard input (default: standard input)')
    .option('--out <file>', 'output JSON Lines file, one record per alert; "-" writes to standard output')
    .option('--concurrency <n>', 'maximum backend calls in flight at once, 1 to 256 (default: 1 for offline, 8 for LLM backends)')
    .option('--resume', 'continue an interrupted job from what --out already holds')
    .option('--force', 'replace an existing --out file instead of refusing')
    .option('--cache <path>', 'SQLite file that keeps explanations across runs (default: explanations.sqlite in the user cache folder)')
    .option('--no-cache', 'keep explanations for this run only')
    .option('--cache-size <MB>', 'size cap of the explanation cache in MB; least recently used entries are removed first', '512')
    .option('--navigator <file>', 'also write an ATT&CK Navigator layer scoring each technique by its number of alerts')
    .option('--report <file>', 'also write a Markdown report: alert groups by fingerprint, each explained once, and technique counts')
    .option('--group', 'write one record per fingerprint and source/target pair, with count and time window, instead of one per alert')
    .option('--quiet', 'print no progress bar and no summary on standard error')
    .option('--backend <name>', 'explanation backend: offline (composes from ATT&CK, no LLM)', 'offline')
    .option('--max-techniques <n>', 'maximum number of ATT&CK techniques per explanation, 1 to 10', '3')
    .option('--input-format <name>', `alert format of every alert: auto (detect per alert), or one of ${alertFormatNames.join(', ')}`, 'auto')
    .option('--input-layout <layout>', 'how the inputs arrange their alerts: auto, lines, array or whole (one alert per file)', 'auto')
    .addOption(attackOption())
    .addOption(logLevelOption())
    .action(async (inputs: string[], options) => {
      const { runBatchCommand } = await import('./commands/batch-command.js');
      await runBatchCommand(inputs, options, await createContext(options.logLevel));
    });

  const cache = program.command('cache').description('manage the explanation cache that batch jobs share');
  cache
    .command('clear')
    .description('delete every cached explanation')
    .option('--cache <path>', 'SQLite cache file (default: explanations.sqlite in the user cache folder)')
    .addOption(logLevelOption())
    .action(async (options) => {
      const { runCacheClearCommand } = await import('./commands/cache-command.js');
      runCacheClearCommand(options, await createContext(options.logLevel));
    });
  cache
    .command('info')
    .description('show where the explanation cache is, how many entries it has and their size')
    .option('--cache <path>', 'SQLite cache file (default: explanations.sqlite in the user cache folder)')
    .addOption(logLevelOption())
    .action(async (options) => {
      const { runCacheInfoCommand } = await import('./commands/cache-command.js');
      runCacheInfoCommand(options, await createContext(options.logLevel));
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

  commandGroup(program, 'eval', 'measure the quality of technique mappings and explanations')
    .command('explanations')
    .description('score explanations of a suite of alerts: structure, techniques, grounding, faithfulness, readability, concision and injection resistance')
    .requiredOption('--suite <file>', 'suite file (YAML) listing the cases and their expectations')
    .option('--backend <name>', 'backend that explains the alerts now: offline, or another one that createBackend knows (default: offline)')
    .option('--explanations <file>', 'score these explanations instead (JSON Lines, one explanation per line with "id" naming the case)')
    .option('--json <file>', 'write the full report as JSON')
    .option('--report <file>', 'write the full report as Markdown (standard output then shows only the totals)')
    .option('--write-explanations <file>', 'also write every scored explanation as JSON Lines, in the --explanations format')
    .option('--case <id>', 'score only this case; repeat for several (thresholds are not checked)', collect)
    .option('--judge', 'also rate each explanation with a model (needs IDS_EXPLAIN_JUDGE_MODEL or IDS_EXPLAIN_MODEL, and OPENAI_API_KEY)')
    .option('--judge-model <name>', 'model for --judge; overrides the environment')
    .addOption(attackOption())
    .option('--no-cache', 'do not read or write the cached ATT&CK index')
    .addOption(logLevelOption())
    .action(async (options) => {
      const { runEvalExplanationsCommand } = await import('./commands/eval-explanations-command.js');
      await runEvalExplanationsCommand(options, await createContext(options.logLevel));
    });

  return program;
}
