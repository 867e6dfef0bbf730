// dist/inkwell.iife.js: the loader for a classic <script>. A dynamic import() works from a classic
// script too, so it imports the module loader beside it and both forms share the same chunks (and,
// included together, one loader).
const script = document.currentScript as HTMLScriptElement | null;
void import(/* @vite-ignore */ new URL('inkwell.js', script?.src || location.href).href);
