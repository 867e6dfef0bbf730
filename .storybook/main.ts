import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // Served as files, not inlined as data: URLs, which the elements refuse as unsafe.
  staticDirs: [{ from: '../stories/assets', to: '/assets' }],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
};

export default config;
