/**
 * The JSON schema of `.github/spec-automation.yml`, generated from the zod schema the
 * runtime validates with, so editors (yaml-language-server, SchemaStore) check and
 * complete exactly what the app, the action and the CLI accept. `npm run schema` writes
 * it to schema/spec-automation.schema.json; a test fails when that file drifts.
 */
import { z } from 'zod';
import { configSchema } from './schema.js';

/** Where the schema is published once SchemaStore lists it (schema/schemastore-catalog-entry.json). */
export const CONFIG_SCHEMA_ID = 'https://json.schemastore.org/spec-automation.json';

export function configJsonSchema(): Record<string, unknown> {
  // `input`: what a user writes, so keys with defaults are optional, as the runtime treats them.
  const generated = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'throw' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: CONFIG_SCHEMA_ID,
    title: 'spec-automation configuration',
    description: 'The configuration of spec-automation (.github/spec-automation.yml), read by the GitHub App, the GitHub Action and the CLI. Every key is optional.',
    ...rest,
  };
}

/** The committed file's text: stable key order from the schema, two-space indent, final newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
