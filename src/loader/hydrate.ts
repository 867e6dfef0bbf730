// chunks/hydrate.js: Lit's hydration, fetched by the loader before any element's chunk when the page holds
// elements rendered on the server (inkwell-elements/ssr); pages rendered in the browser never fetch it.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { LitElement } from 'lit';

type HydrateSupport = (classes: { LitElement: typeof LitElement }) => void;
const install = (globalThis as typeof globalThis & { litElementHydrateSupport?: HydrateSupport }).litElementHydrateSupport;

// Lit applies the hook when LitElement is defined, but here LitElement (shared in chunks/lit.js) came first:
// it is applied now, before any element class is defined. The hook gives LitElement its own observedAttributes.
if (!Object.prototype.hasOwnProperty.call(LitElement, 'observedAttributes')) install?.({ LitElement });
