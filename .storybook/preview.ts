import { html } from 'lit';
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { catalogues } from '../src/core/messages/catalogues.js';
import '../src/index.js';
import { controlFor, manifestForDocs } from './manifest-view.js';

setCustomElementsManifest(manifestForDocs(manifest));

// Every language Inkwell ships, read from the catalogues' loader map so a new one appears by itself.
const languages = ['en', ...Object.keys(catalogues)];
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur']);
const languageName = (tag: string) => new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
  },
  globalTypes: {
    lang: {
      description: 'The language of every story: `lang` (and `dir`) on the story root. A story that sets its own `lang` inside keeps it.',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: languages.map((tag) => ({ value: tag, right: tag, title: languageName(tag) })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'en' },
  // Properties get the control their type calls for (a choice for a union of literals) unless a story says otherwise.
  argTypesEnhancers: [
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([name, argType]) => {
          if (argType.control !== undefined || argType.table?.category !== 'properties') return [name, argType];
          return [name, { ...argType, ...controlFor(argType.table?.type?.summary) }];
        }),
      ),
  ],
  decorators: [
    (story, context) => {
      const lang = String(context.globals.lang ?? 'en');
      return html`<div lang=${lang} dir=${RIGHT_TO_LEFT.has(lang.split('-')[0]) ? 'rtl' : 'ltr'}>${story()}</div>`;
    },
  ],
};

export default preview;
