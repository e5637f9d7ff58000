import { explanationJsonSchema } from '../../explanation/explanation-json-schema.js';
import type { CommandContext } from './explain-command.js';

/** Runs `ids-explain schema`: prints the explanation's JSON Schema. */
export function runSchemaCommand(context: CommandContext): void {
  context.stdout.write(`${JSON.stringify(explanationJsonSchema(), null, 2)}\n`);
}
