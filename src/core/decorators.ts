// Lit's @property, @state and @query for TypeScript's experimental decorators, the only kind this
// project compiles (tsconfig.json: experimentalDecorators). Lit's own also carry the path for standard
// decorators (accessors, metadata) and the query cache, which every page downloaded and none ran.
import type { PropertyDeclaration, ReactiveElement } from 'lit';

type Decorator = (proto: object, name: PropertyKey) => void;

/** A reactive property, declared as Lit's @property declares it: `createProperty` on the element's class. */
export const property =
  (options?: PropertyDeclaration): Decorator =>
  (proto, name) =>
    (proto.constructor as typeof ReactiveElement).createProperty(name, options);

/** Internal reactive state: a property with no attribute, as Lit's @state. */
export const state = (options?: PropertyDeclaration): Decorator => property({ ...options, state: true, attribute: false });

/** A getter for the first element of the shadow root matching `selector` (null when there is none), as Lit's @query without cache. */
export const query =
  (selector: string): Decorator =>
  (proto, name) =>
    Object.defineProperty(proto, name, {
      get(this: ReactiveElement) {
        return this.renderRoot?.querySelector(selector) ?? null;
      },
      configurable: true,
      enumerable: true,
    });
