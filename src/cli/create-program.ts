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

/**
 * Options of the LLM backends, shared by explain, batch, record and worker. The worker leaves
 * out `--stream`, which names its Redis stream there.
 */
function addLlmOptions(command: Command, { streamOption = true } = {}): Command {
  command
    .option('--model <name>', 'model name for the openai backend; setting one makes openai the default backend (default: $IDS_EXPLAIN_MODEL)')
    .option('--base-url <url>', 'OpenAI-compatible server, such as http://localhost:11434/v1 for Ollama (default: $OPENAI_BASE_URL, then api.openai.com)')
    .option('--provider <name>', 'openai for any OpenAI-compatible server, azure for Azure OpenAI deployments (default: $IDS_EXPLAIN_PROVIDER or openai)')
    .option('--temperature <n>', 'sampling temperature from 0 to 2 (default: $IDS_EXPLAIN_TEMPERATURE or 0)')
    .option('--timeout <seconds>', 'time limit for one model request, in seconds (default: $IDS_EXPLAIN_TIMEOUT or 60)')
    .option('--retries <n>', 'retries after a 429, 5xx answer or timeout, 0 to 10 (default: $IDS_EXPLAIN_RETRIES or 3)');
  if (streamOption) command.option('--stream', 'receive the answer as a stream of chunks (default: $IDS_EXPLAIN_STREAM or off)');
  return command
    .option('--response-format <mode>', 'auto, json_schema, json_object or text; auto falls back when the server rejects one (default: $IDS_EXPLAIN_RESPONSE_FORMAT or auto)')
    .option('--prompt-tokens <n>', 'prompt token budget; ATT&CK excerpts are trimmed to fit (default: $IDS_EXPLAIN_PROMPT_TOKENS or 3000)')
    .option('--max-output-tokens <n>', 'maximum tokens the model may write per response; a longer response fails its alert (default: $IDS_EXPLAIN_MAX_OUTPUT_TOKENS or 4096)')
    .option('--redact', 'replace user names, host names, e-mail and internal addresses with placeholders before the request')
    .option('--no-redact', 'send alert values to the model as they are')
    .option('--prompt-version <version>', 'analysis template in prompts/ (default: $IDS_EXPLAIN_PROMPT_VERSION or analysis-v1)');
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

  const explain = program
    .command('explain')
    .description('explain one alert (a file, or standard input when FILE is "-" or absent)')
    .argument('[file]', 'alert file in any supported format (see --input-format)')
    .option('--format <format>', 'output format: md or json', 'md')
    .addOption(attackOption())
    .option('--backend <name>', 'explanation backend: offline (no LLM), openai (any OpenAI-compatible server) or replay (recorded answers) (default: $IDS_EXPLAIN_BACKEND, then openai when a model is set, else offline)')
    .option('--replay-dir <path>', 'folder of recorded answers for the replay backend (default: $IDS_EXPLAIN_REPLAY_DIR or fixtures/llm-responses)')
    .option('--max-techniques <n>', 'maximum number of ATT&CK techniques in the explanation, 1 to 10', '3')
    .option('--input-format <name>', `alert format: auto (detect), or one of ${alertFormatNames.join(', ')}`, 'auto')
    .addOption(examplesOption('labelled examples that teach the technique mapper: a JSON Lines file or a folder of Sigma rules (default: $IDS_EXPLAIN_EXAMPLES)'))
    .option('--no-cache', 'do not read or write the cached ATT&CK index');
  addLlmOptions(explain)
    .addOption(logLevelOption())
    .action(async (file: string | undefined, options) => {
      const { runExplainCommand } = await import('./commands/explain-command.js');
      await runExplainCommand(file, options, await createContext(options.logLevel));
    });

  const record = program
    .command('record')
    .description('send alerts to the configured model and save its answers as replay recordings (opt-in: needs --model and a reachable server)')
    .argument('<files...>', 'alert files to record answers for')
    .requiredOption('--out <folder>', 'folder to write the recordings to, such as fixtures/llm-responses')
    .option('--case <id>', 'acceptance case ID to store in a recording made from one file')
    .addOption(attackOption())
    .option('--max-techniques <n>', 'maximum number of ATT&CK techniques in the explanation, 1 to 10', '3')
    .option('--no-cache', 'do not read or write the cached ATT&CK index');
  addLlmOptions(record)
    .addOption(logLevelOption())
    .action(async (files: string[], options) => {
      const { runRecordCommand } = await import('./commands/record-command.js');
      await runRecordCommand(files, options, await createContext(options.logLevel));
    });

  const batch = program
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
    .option('--backend <name>', 'explanation backend: offline (no LLM), openai (any OpenAI-compatible server) or replay (recorded answers) (default: $IDS_EXPLAIN_BACKEND, then openai when a model is set, else offline)')
    .option('--replay-dir <path>', 'folder of recorded answers for the replay backend (default: $IDS_EXPLAIN_REPLAY_DIR or fixtures/llm-responses)')
    .option('--max-techniques <n>', 'maximum number of ATT&CK techniques per explanation, 1 to 10', '3')
    .option('--input-format <name>', `alert format of every alert: auto (detect per alert), or one of ${alertFormatNames.join(', ')}`, 'auto')
    .option('--input-layout <layout>', 'how the inputs arrange their alerts: auto, lines, array or whole (one alert per file)', 'auto')
    .addOption(examplesOption('labelled examples that teach the technique mapper: a JSON Lines file or a folder of Sigma rules (default: $IDS_EXPLAIN_EXAMPLES)'))
    .addOption(attackOption());
  addLlmOptions(batch)
    .addOption(logLevelOption())
    .action(async (inputs: string[], options) => {
      const { runBatchCommand } = await import('./commands/batch-command.js');
      await runBatchCommand(inputs, options, await createContext(options.logLevel));
    });

  addQueueCommands(program, createContext);

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
  addEvalMappingCommand(program, createContext);

  return program;
}

function examplesOption(description: string): Option {
  return new Option('--examples <path>', description);
}

/** Registers `eval mapping` under the shared `eval` command group. */
function addEvalMappingCommand(program: Command, createContext: ContextFactory): void {
  commandGroup(program, 'eval', 'measure the quality of technique mappings and explanations')
    .command('mapping')
    .description('score ATT&CK technique mapping on labelled rules (title, description and log source only)')
    .requiredOption('--set <file>', 'labelled rules to score: JSON Lines with id, title, description, logsource and techniques')
    .addOption(examplesOption('labelled examples to learn from: JSON Lines in the same layout or a folder of Sigma rules; examples from the same corpus as --set are scored by grouped cross-validation'))
    .option('--folds <k>', 'number of cross-validation folds when --examples shares rules with --set, 2 to 20', '5')
    .option('--split <half>', 'score only the dev or the test half of --set (by the SHA-1 of each rule id); examples stay whole')
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

/** Registers `worker` and `enqueue`, which explain alerts from a Redis stream. */
function addQueueCommands(program: Command, createContext: ContextFactory): void {
  const redisOption = () => new Option('--redis <url>', 'Redis server, redis://[USER:PASSWORD@]HOST:PORT[/DB] or rediss:// for TLS (default: $IDS_EXPLAIN_REDIS_URL, which keeps a password out of the process list)');
  const worker = program
    .command('worker')
    .description('explain the alerts of a Redis stream as a member of a consumer group, writing one result per message to a results stream, until SIGINT or SIGTERM')
    .addOption(redisOption())
    .option('--stream <name>', 'stream of alerts to read')
    .option('--group <name>', 'consumer group that shares the stream among workers; created at --start-id when missing')
    .option('--consumer <name>', 'this worker\'s name in the group, unique per process (default: HOSTNAME-PID)')
    .option('--concurrency <n>', 'maximum backend calls in flight at once, 1 to 256 (default: 1 for offline, 8 for LLM backends)')
    .option('--results <name>', 'stream that receives one result per message (default: STREAM:results)')
    .option('--dead-letter <name>', 'stream that receives messages that failed on every allowed delivery (default: STREAM:dead)')
    .option('--max-deliveries <n>', 'deliveries of a message before it goes to the dead-letter stream, 1 to 1000', '5')
    .option('--claim-idle <seconds>', 'idle time after which a message that another worker left pending is claimed, and a failed one delivered again', '60')
    .option('--max-in-flight <n>', 'maximum messages read and not yet finished (default: 64 per unit of --concurrency, from 256 to 4096)')
    .option('--field <name>', 'message field that holds the alert text', 'alert')
    .option('--start-id <id>', 'where a group created by this worker starts: 0 for the whole stream, $ for new messages only, or a message ID', '0')
    .option('--stop-timeout <seconds>', 'time the messages in flight get to finish after SIGINT or SIGTERM before they are released unacknowledged', '20')
    .option('--exit-when-empty', 'exit once the stream has no undelivered message and the group none pending')
    .option('--results-max-length <n>', 'approximate cap on the results stream\'s length (XADD MAXLEN ~); 0 for none', '0')
    .option('--cache <where>', 'explanation cache: redis to share it among all workers through --redis, or a SQLite file for this machine', 'redis')
    .option('--no-cache', 'keep explanations for this process only')
    .option('--cache-size <MB>', 'size cap in MB of a SQLite explanation cache', '512')
    .option('--cache-ttl <days>', 'days an explanation stays in the Redis cache after its last use', '7')
    .option('--quiet', 'print no summary on standard error when the worker stops')
    .option('--backend <name>', 'explanation backend: offline (no LLM), openai (any OpenAI-compatible server) or replay (recorded answers) (default: $IDS_EXPLAIN_BACKEND, then openai when a model is set, else offline)')
    .option('--replay-dir <path>', 'folder of recorded answers for the replay backend (default: $IDS_EXPLAIN_REPLAY_DIR or fixtures/llm-responses)')
    .option('--max-techniques <n>', 'maximum number of ATT&CK techniques per explanation, 1 to 10', '3')
    .option('--input-format <name>', `alert format of every message: auto (detect per message), or one of ${alertFormatNames.join(', ')}`, 'auto')
    .addOption(examplesOption('labelled examples that teach the technique mapper: a JSON Lines file or a folder of Sigma rules (default: $IDS_EXPLAIN_EXAMPLES)'))
    .addOption(attackOption());
  addLlmOptions(worker, { streamOption: false })
    .addOption(logLevelOption())
    .action(async (options) => {
      const { runWorkerCommand } = await import('./commands/worker-command.js');
      await runWorkerCommand(options, await createContext(options.logLevel));
    });

  program
    .command('enqueue')
    .description('push alerts (JSON Lines, JSON arrays, folders of alert files, or standard input) to a Redis stream, one message per alert, for workers to explain')
    .argument('[inputs...]', 'files, folders, or "-" for standard input (default: standard input)')
    .addOption(redisOption())
    .option('--stream <name>', 'stream to push the alerts to; created when missing')
    .option('--field <name>', 'message field that receives the alert text', 'alert')
    .option('--input-layout <layout>', 'how the inputs arrange their alerts: auto, lines, array or whole (one alert per file)', 'auto')
    .option('--quiet', 'print no summary on standard error')
    .addOption(logLevelOption())
    .action(async (inputs: string[], options) => {
      const { runEnqueueCommand } = await import('./commands/enqueue-command.js');
      await runEnqueueCommand(inputs, options, await createContext(options.logLevel));
    });
}
