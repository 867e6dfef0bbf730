// Lit, run in Node, extends the HTMLElement of its DOM shim (@lit-labs/ssr-dom-shim), which it does not make
// global. The elements without Lit (LightElement) extend the global one: the same class, made global here,
// before they are imported (ssr.ts imports this module first).
import { ReactiveElement } from 'lit';

const global = globalThis as { HTMLElement?: unknown };
global.HTMLElement ??= Object.getPrototypeOf(ReactiveElement) as unknown;
