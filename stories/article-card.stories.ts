import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
const harbour = 'assets/harbour.svg';
const avatar = 'assets/avatar.svg';

interface Args {
  href: string;
  headline: string;
  excerpt?: string;
  image?: string;
  imageAlt?: string;
  published?: string;
  minutes?: number;
  author?: string;
  authorHref?: string;
  authorAvatar?: string;
  tags?: string;
  tagHref?: string;
  comments?: number;
  layout: 'stacked' | 'horizontal' | 'compact';
  featured?: boolean;
  theme?: 'light' | 'dark';
  width: number;
}

const card = (args: Args) => html`<article-card
  href=${args.href}
  headline=${args.headline}
  excerpt=${ifDefined(args.excerpt)}
  image=${ifDefined(args.image)}
  image-alt=${ifDefined(args.imageAlt)}
  published=${ifDefined(args.published)}
  minutes=${ifDefined(args.minutes)}
  author=${ifDefined(args.author)}
  author-href=${ifDefined(args.authorHref)}
  author-avatar=${ifDefined(args.authorAvatar)}
  tags=${ifDefined(args.tags)}
  tag-href=${ifDefined(args.tagHref)}
  comments=${ifDefined(args.comments)}
  layout=${args.layout}
  ?featured=${args.featured}
  theme=${ifDefined(args.theme)}
></article-card>`;

const meta: Meta<Args> = {
  title: 'Elements/article-card',
  component: 'article-card',
  args: {
    href: '/posts/quiet-craft',
    headline: 'The quiet craft of proofreading',
    excerpt: 'Every publication has a moment it would rather forget: the headline with a doubled word, the caption that names the wrong harbour.',
    image: harbour,
    imageAlt: 'A sailing boat in a harbour below green hills',
    published: '2026-11-20',
    minutes: 3,
    author: 'Nushama Wellness',
    authorHref: '/authors/nushama',
    authorAvatar: avatar,
    tags: 'editing, craft',
    tagHref: '/tags/{tag}',
    comments: 4,
    layout: 'stacked',
    width: 360,
  },
  argTypes: {
    layout: { control: 'inline-radio', options: ['stacked', 'horizontal', 'compact'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    width: { control: { type: 'range', min: 160, max: 900, step: 10 }, description: 'Width of the column (story only)' },
  },
  render: (args) => html`<div style="width: ${args.width}px">${card(args)}</div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Stacked: Story = {};

export const Horizontal: Story = { args: { layout: 'horizontal', width: 720 } };

/** A horizontal card in a narrow column falls back to stacked (container query). */
export const HorizontalNarrow: Story = { args: { layout: 'horizontal', width: 300 } };

/** `featured`: the lead story, a larger headline and the image beside the text in a wide column. */
export const Featured: Story = { args: { featured: true, width: 880 } };

/** A featured card in a narrow column: the image above, still larger type. */
export const FeaturedNarrow: Story = { args: { featured: true, width: 360 } };

/** About 350 px wide: the metadata wraps, and no line starts or ends with a "·". */
export const MetadataWraps: Story = { args: { width: 340, comments: 1234 } };

export const Compact: Story = { args: { layout: 'compact', width: 420 } };

/** Without image, excerpt and tags. */
export const Minimal: Story = { args: { image: undefined, excerpt: undefined, tags: undefined, comments: undefined, authorAvatar: undefined } };

/** Published within the last week: a relative date. */
export const Recent: Story = { args: { published: new Date(Date.now() - 2 * 86_400_000).toISOString() } };

/** A broken image keeps its box. */
export const BrokenImage: Story = { args: { image: '/no-such-image.jpg' } };

/** Light DOM from a CMS, with h-entry classes: the children win over attributes. */
export const FromCms: Story = {
  render: (args) => html`<div style="width: ${args.width}px">
    <article-card class="h-entry" published="2026-11-20" minutes="3" author="Nushama Wellness" author-href="/authors/nushama" comments="4">
      <a slot="headline" class="p-name u-url" href="/posts/quiet-craft">The quiet craft of proofreading</a>
      <p slot="excerpt" class="p-summary">Every publication has a moment it would rather forget.</p>
      <img slot="image" class="u-photo" src=${harbour} alt="A sailing boat in a harbour" width="1200" height="600" />
    </article-card>
  </div>`,
};

/** A listing page: a grid of cards. */
export const Listing: Story = {
  render: (args) => html`<div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1.5rem; max-width: 60rem">
    ${Array.from({ length: 6 }, (_, i) => card({ ...args, headline: `${args.headline} (${i + 1})`, comments: i }))}
  </div>`,
};

export const Dark: Story = { args: { theme: 'dark' } };

/** German: dates, plurals and strings. */
export const German: Story = {
  render: (args) => html`<div lang="de" style="width: ${args.width}px">${card({ ...args, comments: 1 })}</div>`,
};

/** Unsafe URLs are dropped and a missing alt is reported (see the console). */
export const BadInput: Story = { args: { href: 'javascript:alert(1)', imageAlt: undefined, published: 'last tuesday' } };

/** Right to left (`dir="rtl" lang="ar"`): image and text change sides, the metadata reads from the right, an English author name stays in order. The strings fall back to English until an Arabic catalogue is loaded. */
export const RightToLeft: Story = {
  args: {
    layout: 'horizontal',
    width: 720,
    headline: 'الحرفة الهادئة للتدقيق اللغوي',
    excerpt: 'لكل مطبوعة لحظة تفضّل أن تنساها: عنوان بكلمة مكررة، أو تعليق على صورة يسمّي الميناء الخطأ.',
    tags: 'تحرير, craft',
  },
  render: (args) => html`<div dir="rtl" lang="ar" style="width: ${args.width}px">${card(args)}</div>`,
};

/** Right to left in Hebrew (`dir="rtl" lang="he"`), stacked, with metadata that wraps. */
export const Hebrew: Story = {
  args: { headline: 'המלאכה השקטה של הגהה', excerpt: 'לכל פרסום יש רגע שהיה מעדיף לשכוח.', tags: 'עריכה, craft', comments: 1234, width: 340 },
  render: (args) => html`<div dir="rtl" lang="he" style="width: ${args.width}px">${card(args)}</div>`,
};
