// What a page downloads, read from the built ES modules: `npm run size` counts it, and the loader's
// end-to-end test checks that a browser downloads exactly these files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOADER = 'dist/inkwell.js';

/** The relative imports of a built ES module: static (`from"./x.js"`, `import"./x.js"`) and dynamic (`import("./x.js")`). */
export function importsOf(file) {
  const code = readFileSync(file, 'utf8');
  const resolve = (specifier) => join(file, '..', specifier);
  return {
    static: [...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => resolve(m[1])),
    dynamic: [...code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => resolve(m[1])),
  };
}

/**
 * What an element fetches at once for a reader who may write (signed in, or where guests may post), though
 * it is an import() for everyone else: the comment box's forms, moderation and own-comment actions (and what
 * they import: Lit, which a signed-out reader's comment box does without).
 */
export const SIGNED_IN = { 'comment-box': ['dist/chunks/comment-forms.js'] };

export const isCatalogue = (file) => file.startsWith('dist/chunks/messages/');

/**
 * Files a page with `tags` downloads before any interaction (`eager`: the loader, each element's chunk and
 * what those import statically; with `signedIn`, also what SIGNED_IN names), and those its elements may fetch
 * later (`onDemand`: what they import with import(), and what that imports; catalogues of other languages included).
 */
export function pageFiles(tags, { signedIn = false } = {}) {
  const eager = new Set([LOADER]);
  const visit = (file) => {
    if (eager.has(file)) return;
    eager.add(file);
    importsOf(file).static.forEach(visit);
  };
  for (const tag of tags) visit(`dist/chunks/${tag}.js`);
  // Absent from a build before the forms were split off (the bench runs this script on an older revision's build).
  if (signedIn) for (const tag of tags) (SIGNED_IN[tag] ?? []).filter((file) => existsSync(file)).forEach(visit);
  const onDemand = new Set();
  const visitLater = (file) => {
    if (eager.has(file) || onDemand.has(file)) return;
    onDemand.add(file);
    const { static: found, dynamic } = importsOf(file);
    [...found, ...dynamic].forEach(visitLater);
  };
  for (const file of [...eager]) if (file !== LOADER) importsOf(file).dynamic.forEach(visitLater);
  return { eager: [...eager], onDemand: [...onDemand] };
}
