import { isDeepStrictEqual } from 'node:util';
import type { CompiledQuery } from 'kysely';

/**
 * Kysely's compiled SQL kept per query shape (what changes the text: the columns, the number of rows)
 * and run again with new parameters. Kysely builds and compiles a query's tree on every call, which on
 * a post's hot inserts cost more than running them. `parameters` are this call's values in the order
 * Kysely binds them; the first compile of a shape checks that order, so a query whose text would not
 * fit them fails at once instead of binding values to the wrong columns.
 */
export class CompiledQueries {
  private readonly byShape = new Map<string, CompiledQuery>();

  for<R>(shape: string, parameters: readonly unknown[], compile: () => CompiledQuery<R>): CompiledQuery<R> {
    const kept = this.byShape.get(shape) as CompiledQuery<R> | undefined;
    if (kept) return { ...kept, parameters };
    const compiled = compile();
    if (!isDeepStrictEqual(compiled.parameters, parameters)) {
      throw new Error(`compiled query "${shape}" binds its parameters in another order than given`);
    }
    this.byShape.set(shape, compiled);
    return compiled;
  }
}
