import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { TypoReporter } from '../src/typo-reporter/typo-reporter.js';
import { mockApi, type MockAnswer } from './mock-api.js';

interface Args {
  api?: string;
  email?: string;
  siteDelivery?: boolean;
  maxLength: number;
  hideHint: boolean;
  theme?: 'light' | 'dark';
  lang: string;
  answer: MockAnswer;
}

const TEXT = {
  en: 'The harbour was quiet before the first edition. Proofreaders read slowly, often aloud, and the teh mistake hid in plain sight.',
  de: 'Der Hafen war still vor der ersten Ausgabe. Korrektoren lesen langsam, oft laut, und der Fehlr versteckte sich vor aller Augen.',
  ar: 'كان الميناء هادئاً قبل الطبعة الأولى. يقرأ المدققون ببطء، وبصوت عالٍ غالباً، واختبأ الخطا أمام أعين الجميع في الصفحة 12.',
};
const MISTAKE = { en: 'teh', de: 'Fehlr', ar: 'الخطا' };
type Lang = keyof typeof TEXT;

/** Selects the mistake in the story's article and opens the dialog, as a reader's Ctrl+Enter would. */
async function openDialog(canvas: HTMLElement, lang: Lang, send = false) {
  const reporter = canvas.querySelector('typo-reporter') as TypoReporter;
  await reporter.updateComplete;
  const walker = document.createTreeWalker(canvas.querySelector('article p')!, NodeFilter.SHOW_TEXT);
  let paragraph = walker.nextNode()!;
  while (!paragraph.nodeValue!.includes(MISTAKE[lang])) paragraph = walker.nextNode()!;
  const at = paragraph.nodeValue!.indexOf(MISTAKE[lang]);
  const range = document.createRange();
  range.setStart(paragraph, at);
  range.setEnd(paragraph, at + MISTAKE[lang].length);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  reporter.report();
  if (!send) return;
  await new Promise((resolve) => setTimeout(resolve, 50));
  reporter.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
}

const meta: Meta<Args> = {
  title: 'Elements/typo-reporter',
  component: 'typo-reporter',
  args: { api: '/v1', maxLength: 300, hideHint: false, lang: 'en', answer: { status: 201, body: { id: 't_1', count: 1 } } },
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    lang: { control: 'inline-radio', options: ['en', 'de', 'ar'] },
    answer: { control: 'object', description: 'What the mocked API answers (story only)' },
  },
  render: (args) => {
    mockApi({ '/typo-reports': args.answer });
    const lang: Lang = args.lang === 'de' || args.lang === 'ar' ? args.lang : 'en';
    return html`<div lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'} style="max-width: 38rem">
      <article id="story-article"><p>${TEXT[lang]}</p></article>
      <typo-reporter
        for="story-article"
        api=${ifDefined(args.api)}
        email=${ifDefined(args.email)}
        ?site-delivery=${args.siteDelivery}
        max-length=${args.maxLength}
        ?hide-hint=${args.hideHint}
        theme=${ifDefined(args.theme)}
      ></typo-reporter>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The hint line under an article; select "teh" and press Ctrl+Enter (⌘+Enter on a Mac). */
export const Hint: Story = {};

/** The dialog: the passage in its context, the mistake highlighted, the correction prefilled. */
export const Dialog: Story = { play: ({ canvasElement }) => openDialog(canvasElement, 'en') };

/** Sent: the reader is thanked. */
export const Sent: Story = { play: ({ canvasElement }) => openDialog(canvasElement, 'en', true) };

/** The server cannot be reached: the text stays, and "Try again" is offered. */
export const ServerDown: Story = { args: { answer: 'offline' }, play: ({ canvasElement }) => openDialog(canvasElement, 'en', true) };

/** Too many reports from this address. */
export const RateLimited: Story = {
  args: { answer: { status: 429, body: { error: { code: 'rate_limited', message: 'Too many reports' } }, headers: { 'retry-after': '30' } } },
  play: ({ canvasElement }) => openDialog(canvasElement, 'en', true),
};

/** The server refuses the report and says why. */
export const Refused: Story = {
  args: { answer: { status: 422, body: { error: { code: 'invalid', message: 'the suggestion is too long', field: 'suggestion' } } } },
  play: ({ canvasElement }) => openDialog(canvasElement, 'en', true),
};

/** A selection longer than `max-length` gets a message instead of a dialog. */
export const TooLong: Story = {
  args: { maxLength: 5 },
  play: ({ canvasElement }) => openDialog(canvasElement, 'en'),
};

export const Dark: Story = { args: { theme: 'dark' }, play: ({ canvasElement }) => openDialog(canvasElement, 'en') };

/** German strings and page language. */
export const German: Story = { args: { lang: 'de' }, play: ({ canvasElement }) => openDialog(canvasElement, 'de') };

/** The hint replaced through the slot. */
export const CustomHint: Story = {
  render: () => html`<typo-reporter api="/v1">Spotted a typo? Select it and tell us with Ctrl+Enter.</typo-reporter>`,
};

/** Nothing selected, "Report a mistake" pressed (the keyboard path): the reader quotes the passage; the dialog says the report cannot link to it. */
export const QuoteWithoutSelection: Story = {
  play: async ({ canvasElement }) => {
    const reporter = canvasElement.querySelector('typo-reporter') as TypoReporter;
    await reporter.updateComplete;
    document.getSelection()!.removeAllRanges();
    reporter.shadowRoot!.querySelector<HTMLButtonElement>('[part="report"]')!.click();
  },
};

/** `hide-hint`: no line under the article; the "Report a mistake" button appears only while it has keyboard focus (Tab to it). */
export const HiddenHint: Story = {
  args: { hideHint: true },
  play: async ({ canvasElement }) => {
    const reporter = canvasElement.querySelector('typo-reporter') as TypoReporter;
    await reporter.updateComplete;
    reporter.shadowRoot!.querySelector<HTMLButtonElement>('[part="report"]')!.focus({ focusVisible: true } as FocusOptions);
  },
};

/** No API, no e-mail, no `site-delivery`: nothing is offered (the console says what to set). */
export const NowhereToSend: Story = { args: { api: undefined } };

/** `site-delivery`: the page takes the report from the `typo-reported` event (here it only logs it). */
export const SiteDelivery: Story = {
  args: { api: undefined, siteDelivery: true },
  play: async ({ canvasElement }) => {
    canvasElement.querySelector('typo-reporter')!.addEventListener('typo-reported', (event) => console.info('typo-reported', event.detail));
    await openDialog(canvasElement, 'en', true);
  },
};

/** Right to left (`dir="rtl" lang="ar"`): the hint's Ctrl+Enter keeps its order, the dialog's quote bar is on the right. The strings fall back to English until an Arabic catalogue is loaded. */
export const RightToLeft: Story = { args: { lang: 'ar' }, play: ({ canvasElement }) => openDialog(canvasElement, 'ar') };

/**
 * The dialog's code could not be fetched (the reader went offline after the page loaded): a notice says so and
 * offers "Try again", which fetches it again and opens the dialog. Shown here as the element shows it on that failure.
 */
export const DialogUnavailable: Story = {
  play: async ({ canvasElement }) => {
    const reporter = canvasElement.querySelector('typo-reporter') as TypoReporter;
    await reporter.updateComplete;
    const { messages } = (reporter as unknown as { locale: { messages: { errorNetwork: string } } }).locale;
    reporter.showNotice(messages.errorNetwork, () => {
      reporter.showNotice('');
      void openDialog(canvasElement, 'en');
    });
  },
};
