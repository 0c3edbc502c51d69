import type { RxJsonSchema } from 'rxdb';
import { z } from 'zod';

/**
 * Derives an RxDB JSON schema from a zod object schema, so that the stored shape is written
 * once (in shared/) and the client's database, the server and the types cannot drift apart.
 */
export function rxSchemaFromZod<T>(
  schema: z.ZodType<T>,
  options: {
    version: number;
    primaryKey: keyof T & string;
    /** Single fields, or compound indexes as RxDB declares them (a list of fields). */
    indexes: readonly ((keyof T & string) | readonly (keyof T & string)[])[];
    /** Fields stored encrypted at rest: never the primary key or an indexed field. */
    encrypted?: readonly (keyof T & string)[];
  },
): RxJsonSchema<T> {
  const { properties, required, additionalProperties } = z.toJSONSchema(schema, { io: 'output' });
  const rxSchema = {
    version: options.version,
    primaryKey: options.primaryKey,
    type: 'object',
    properties,
    required,
    additionalProperties,
    indexes: options.indexes.map((index) => (typeof index === 'string' ? index : [...index])),
    encrypted: [...(options.encrypted ?? [])],
  };
  // zod's JSON Schema type and RxDB's are two descriptions of the same standard; RxDB's
  // dev-mode check (run in the integration tests) verifies the result.
  return rxSchema as unknown as RxJsonSchema<T>;
}
