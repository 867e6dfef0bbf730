import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
const avatar = 'assets/avatar.svg';

interface Args {
  name: string;
  href?: string;
  avatar?: string;
  bio?: string;
  posts?: number;
  size: 'small' | 'medium' | 'large';
  bioLines: number;
  theme?: 'light' | 'dark';
}

const BIO =
  'Nushama is a pioneering collective, comprising medical experts, researchers and writers who study how people ' +
  'heal, rest and recover, and who write about it for readers who would rather understand their own bodies.';

const meta: Meta<Args> = {
  title: 'Elements/author-badge',
  component: 'author-badge',
  args: { name: 'Nushama Wellness', href: '/authors/nushama', avatar, bio: BIO, posts: 2, size: 'medium', bioLines: 2 },
  argTypes: {
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    bioLines: { control: { type: 'number', min: 1, max: 10 } },
  },
  render: (args) => html`<div style="max-width: 36rem">
    <author-badge
      name=${args.name}
      href=${ifDefined(args.href)}
      avatar=${ifDefined(args.avatar)}
      bio=${ifDefined(args.bio)}
      posts=${ifDefined(args.posts)}
      size=${args.size}
      bio-lines=${args.bioLines}
      theme=${ifDefined(args.theme)}
    ></author-badge>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The byline box: picture, linked name, post count and a clamped bio with "more". */
export const Medium: Story = {};

/** In a byline: picture and name only. */
export const Small: Story = { args: { size: 'small' } };

/** The end-of-article box, with a follow button in the `actions` slot. */
export const Large: Story = {
  args: { size: 'large', bioLines: 4 },
  render: (args) => html`<div style="max-width: 40rem">
    <author-badge name=${args.name} href=${ifDefined(args.href)} avatar=${ifDefined(args.avatar)} bio=${ifDefined(args.bio)} posts=${ifDefined(args.posts)} size="large" bio-lines=${args.bioLines}>
      <button slot="actions" type="button">Follow</button>
    </author-badge>
  </div>`,
};

/** No picture: initials on a colour derived from the name. */
export const Initials: Story = { args: { avatar: undefined } };

/** A broken picture falls back to initials, in the same box. */
export const BrokenPicture: Story = { args: { avatar: '/no-such-picture.jpg', name: '王小明' } };

/** A short bio needs no "more". */
export const ShortBio: Story = { args: { bio: 'Writes about rest.' } };

/** Light DOM from a CMS, with h-card classes: the children win over attributes. */
export const FromCms: Story = {
  render: () => html`<author-badge class="h-card" avatar=${avatar} posts="2">
    <a slot="name" class="p-name u-url" href="/authors/nushama">Nushama Wellness</a>
    <p slot="bio" class="p-note">${BIO}</p>
  </author-badge>`,
};

/** Forced dark scheme. */
export const Dark: Story = { args: { theme: 'dark', size: 'large' } };

/** German: plural rules and strings. */
export const German: Story = {
  args: { posts: 1 },
  render: (args) => html`<div lang="de" style="max-width: 36rem">
    <author-badge name=${args.name} avatar=${ifDefined(args.avatar)} posts=${ifDefined(args.posts)} bio=${BIO}></author-badge>
  </div>`,
};

/** An unsafe link and picture are dropped (see the console). */
export const BadInput: Story = { args: { href: 'javascript:alert(1)', avatar: 'data:image/svg+xml,<svg/>', posts: -3 } };

/** Right to left (`dir="rtl" lang="ar"`): the picture on the right, an English name kept in order, "more" and its fade at the left (the inline end). */
export const RightToLeft: Story = {
  args: {
    name: 'Nushama Wellness',
    bio: 'نوشاما مجموعة رائدة من الخبراء الطبيين والباحثين والكتّاب الذين يدرسون كيف يتعافى الناس ويرتاحون، ويكتبون عن ذلك لقرّاء يفضّلون أن يفهموا أجسادهم بأنفسهم، بلغة واضحة وبلا وعود كاذبة.',
  },
  render: (args) => html`<div dir="rtl" lang="ar" style="max-width: 36rem">
    <author-badge name=${args.name} href=${ifDefined(args.href)} avatar=${ifDefined(args.avatar)} bio=${ifDefined(args.bio)} posts=${ifDefined(args.posts)} bio-lines=${args.bioLines}></author-badge>
  </div>`,
};

/** Right to left in Hebrew (`dir="rtl" lang="he"`), the large box with an action. */
export const Hebrew: Story = {
  args: { name: 'נועה לוי', bio: 'נועה כותבת על מנוחה, שינה והחלמה, לקוראים שמעדיפים להבין את גופם בעצמם.' },
  render: (args) => html`<div dir="rtl" lang="he" style="max-width: 40rem">
    <author-badge name=${args.name} avatar=${ifDefined(args.avatar)} bio=${ifDefined(args.bio)} posts=${ifDefined(args.posts)} size="large">
      <button slot="actions" type="button">Follow</button>
    </author-badge>
  </div>`,
};
