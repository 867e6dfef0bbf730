import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

// The drop-in bundles: Lit included, every element registered. The npm modules are built by tsc.
const plugins = [
  nodeResolve({ exportConditions: ['production'] }),
  esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' }),
  // Lit's css`` and html`` strings keep their whitespace through terser; minify them first.
  minifyTemplateLiterals({ include: 'src/**', failOnError: true }),
  terser({
    ecma: 2021,
    compress: { passes: 2 },
    format: { comments: false },
  }),
];

export default {
  input: 'src/index.ts',
  plugins,
  // Until the loader splits chunks, the catalogues' dynamic imports are inlined into the single file.
  output: [
    { file: 'dist/inkwell.js', format: 'es', sourcemap: true, inlineDynamicImports: true },
    { file: 'dist/inkwell.iife.js', format: 'iife', name: 'Inkwell', sourcemap: true, inlineDynamicImports: true },
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
