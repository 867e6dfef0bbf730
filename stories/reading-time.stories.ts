import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';

interface Args {
  for?: string;
  wpm?: number;
  genre: 'nonfiction' | 'fiction';
  minutes?: number;
  live: boolean;
  range: boolean;
}

const paragraph =
  'Reading time is estimated from the text itself: words for scripts that separate them with spaces, ' +
  'characters for Chinese and Japanese, a little time for every image and more for code. ';

const article = (args: Args, lang = 'en', text = paragraph, repeat = 40) => html`
  <article lang=${lang} style="max-width: 40rem; font-family: Georgia, serif">
    <h1>An article</h1>
    <p>
      By Nushama Wellness ·
      <reading-time
        for=${ifDefined(args.for)}
        wpm=${ifDefined(args.wpm)}
        genre=${args.genre}
        minutes=${ifDefined(args.minutes)}
        ?live=${args.live}
        ?range=${args.range}
      ></reading-time>
    </p>
    ${Array.from({ length: repeat }, () => html`<p>${text}</p>`)}
  </article>
`;

const meta: Meta<Args> = {
  title: 'Elements/reading-time',
  component: 'reading-time',
  args: { genre: 'nonfiction', live: false, range: false },
  argTypes: {
    genre: { control: 'inline-radio', options: ['nonfiction', 'fiction'] },
    wpm: { control: { type: 'number', min: 50, max: 1000, step: 10 } },
    minutes: { control: { type: 'number', min: 1, max: 120 } },
    for: { control: 'text' },
  },
  render: (args) => article(args),
};
export default meta;

type Story = StoryObj<Args>;

/** Counted from the surrounding article. */
export const Counted: Story = {};

/** The spread of reading speeds. */
export const Range: Story = { args: { range: true } };

/** Fiction is read faster. */
export const Fiction: Story = { args: { genre: 'fiction' } };

/** A site that prefers its own speed. */
export const WordsPerMinute: Story = { args: { wpm: 120 } };

/** Minutes given by the CMS: nothing is counted. */
export const GivenMinutes: Story = { args: { minutes: 12 } };

/** A German page: German reading rate and German strings. */
export const German: Story = {
  render: (args) =>
    article(args, 'de', 'Die Lesezeit wird aus dem Text selbst geschätzt, mit der Lesegeschwindigkeit der Sprache. '),
};

/** A Chinese page: counted by characters. */
export const Chinese: Story = {
  render: (args) => article(args, 'zh', '阅读时间是根据文章本身估算的，中文按字计算。', 60),
};

/** Before a count exists, the CMS's own text (light DOM) shows. */
export const Fallback: Story = {
  render: () => html`<p><reading-time for="no-such-article">About 4 min read</reading-time></p>`,
};

/** Right to left (`dir="rtl" lang="ar"`): the estimate is isolated, so "3 min read" keeps its order while the strings fall back to English. */
export const RightToLeft: Story = {
  render: (args) => html`<div dir="rtl">${article(args, 'ar', 'يُقدَّر وقت القراءة من النص نفسه، بسرعة القراءة الخاصة بلغته، مع قليل من الوقت لكل صورة. ')}</div>`,
};
