#!/usr/bin/env node
// The `inkwell-server` command. An installed package runs its compiled dist/; a checkout of the
// repository, which has no dist/ until `npm run build -w server`, runs the sources through tsx.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main.ts', import.meta.url).href);
}
