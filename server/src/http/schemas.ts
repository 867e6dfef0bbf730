/** Schema pieces every resource uses; TypeBox, so each is validation, TypeScript type and OpenAPI at once. */
import { Type, type SchemaOptions, type Static, type TSchema } from '@sinclair/typebox';

/** A string from a fixed list, as `{type: 'string', enum}`: TypeBox's unions would validate as `anyOf` and word their errors differently. */
export function StringEnum<const T extends readonly string[]>(values: T, options: SchemaOptions = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: values, ...options });
}

/** `schema` or null, written as a type list (`["string", "null"]`) as the document always said. */
export function Nullable<T extends TSchema & { type: string }>(schema: T, options: SchemaOptions = {}) {
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'], ...options });
}

/** A reference to a shared schema (registered with `addSchema`), typed as the schema it names. */
export function Ref<T extends TSchema>(schema: T, description?: string) {
  if (!schema.$id) throw new Error("Ref needs a schema with an $id");
  return Type.Unsafe<Static<T>>({ $ref: `${schema.$id}#`, ...(description ? { description } : {}) });
}

export const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'Stable machine-readable code, e.g. `token_expired`, `invalid_input`.' }),
    message: Type.String({ description: 'Human-readable English explanation.' }),
    field: Type.Optional(Type.String({ description: 'The offending field, dotted (e.g. `author.name`), when there is one.' })),
  }),
}, { $id: 'Error' });

export type ApiErrorBody = Static<typeof ErrorSchema>;

export const errorRef = Ref(ErrorSchema);

/** The error answers every API route may give. */
export const errorResponses = {
  400: errorRef,
  401: errorRef,
  403: errorRef,
  404: errorRef,
  422: errorRef,
  429: errorRef,
};

export const ThreadParam = Type.Object({ thread: Type.String({ minLength: 1, maxLength: 256 }) });

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** A page's size and where it starts: `nextCursor` of the page before. */
export const pageFields = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

/** `Inkwell-Client`: the random id a browser keeps (src/core/http.ts) and sends with keyed writes. */
export const ClientIdHeader = Type.String({
  pattern: '^[A-Za-z0-9_-]{16,64}$',
  description: 'A random id the browser keeps: the namespace of a guest\'s Idempotency-Keys',
});

/** The headers of a write that may be retried safely. */
export const WriteHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' })),
  'inkwell-client': Type.Optional(ClientIdHeader),
});

/** Query fields with a `default` are always there once validated; the type says so. */
export type Defaulted<T, K extends keyof T> = T & { [P in K]-?: Exclude<T[P], undefined> };

type Security = Array<Record<string, string[]>>;
/** OpenAPI `security`: a bearer token is needed. */
export const tokenRequired: Security = [{ bearer: [] }];
/** OpenAPI `security`: a bearer token is read when sent; anonymous readers are answered too. */
export const tokenOptional: Security = [{ bearer: [] }, {}];
