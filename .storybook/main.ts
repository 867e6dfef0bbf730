import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // Served as files, not inlined as data: URLs, which the elements refuse as unsafe.
  staticDirs: [{ from: '../stories/assets', to: '/assets' }],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // One copy of Lit: Vite's dev server pre-bundled `lit` for the renderer but served the
  // `lit/directive-helpers.js` it also imports as a plain file, whose lit-html was a second instance
  // ("Multiple versions of Lit loaded" on every story). Left out of pre-bundling, every import of
  // Lit resolves to the same files in node_modules.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      exclude: [...(viteConfig.optimizeDeps?.exclude ?? []), 'lit', 'lit-html', 'lit-element', '@lit/reactive-element'],
    },
  }),
};

export default config;
