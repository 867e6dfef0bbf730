import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/comment-moderation/define.js';
import type { CommentModeration } from '../src/comment-moderation/comment-moderation.js';
import { FakeModerationApi, heldComment, sampleInbox, typoReport, type FakeModerationOptions } from '../mocks/moderation-api.js';

// Every story answers the element's real fetch code (lists, decisions, bans, pins and the live stream)
// with its own in-browser fake API, installed under a base of its own.

interface Args {
  token?: string;
  show: 'all' | 'comments' | 'reports';
  status: 'held' | 'approved' | 'rejected' | 'spam';
  sort: 'newest' | 'oldest';
  thread: string;
  reader: string;
  noLive: boolean;
  theme?: 'light' | 'dark';
  lang: string;
}

let fake: FakeModerationApi | undefined;
let story = 0;

/** A fresh fake API under a base of its own for this render. */
function install(options: Partial<FakeModerationOptions> = {}): string {
  fake?.uninstall();
  const base = `/story-moderation-${++story}/v1`;
  fake = new FakeModerationApi({ base, ...sampleInbox(), delayMs: 300, ...options }).install();
  return base;
}

const element = (canvas: HTMLElement) => canvas.querySelector('comment-moderation') as CommentModeration;

/** Waits until the inbox has listed its items. */
async function listed(canvas: HTMLElement): Promise<CommentModeration> {
  const el = element(canvas);
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('li.item'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return el;
}

const meta: Meta<Args> = {
  title: 'Elements/comment-moderation',
  component: 'comment-moderation',
  args: { token: 'moderator-token', show: 'all', status: 'held', sort: 'newest', thread: '', reader: '', noLive: false, lang: 'en' },
  argTypes: {
    show: { control: 'inline-radio', options: ['all', 'comments', 'reports'] },
    status: { control: 'inline-radio', options: ['held', 'approved', 'rejected', 'spam'] },
    sort: { control: 'inline-radio', options: ['newest', 'oldest'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    lang: { control: 'inline-radio', options: ['en', 'de', 'ar'] },
  },
  render: (args, context) => {
    const base = install(context.parameters.fake as Partial<FakeModerationOptions> | undefined);
    return html`<div lang=${args.lang} dir=${args.lang === 'ar' ? 'rtl' : 'ltr'} style="max-width: 48rem">
      <comment-moderation
        api=${base}
        token=${ifDefined(args.token)}
        show=${args.show}
        status=${args.status}
        sort=${args.sort}
        thread=${args.thread}
        reader=${args.reader}
        ?no-live=${args.noLive}
        theme=${ifDefined(args.theme)}
      ></comment-moderation>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Held comments (a reply with the comment it answers, an edit awaiting approval) and a typo report, newest first. */
export const Inbox: Story = {};

/** Oldest first. */
export const OldestFirst: Story = { args: { sort: 'oldest' } };

/** Typo reports only: the passage with the selection marked, and a link that opens it on the page. */
export const TypoReports: Story = { args: { show: 'reports' } };

/** Approved comments: a published top-level comment offers Pin. */
export const Approved: Story = { args: { status: 'approved' } };

/** A decision was taken: the item left, the announcement offers Undo. */
export const AfterADecision: Story = {
  play: async ({ canvasElement }) => {
    const el = await listed(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('li.item [data-action="approve"]')!.click();
  },
};

/** Three items selected for one decision. */
export const Selection: Story = {
  play: async ({ canvasElement }) => {
    const el = await listed(canvasElement);
    for (const box of [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('li.item input[type="checkbox"]')].slice(0, 3)) box.click();
  },
};

/** The ban dialog, with "Also hide their comments". */
export const BanDialog: Story = {
  play: async ({ canvasElement }) => {
    const el = await listed(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('li.item [data-action="ban"]')!.click();
  },
};

/** The keyboard help (press ? in the inbox). */
export const KeyboardHelp: Story = {
  play: async ({ canvasElement }) => {
    const el = await listed(canvasElement);
    el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.help')!.showModal();
  },
};

/** New items arrive live and are announced. */
export const LiveArrival: Story = {
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    await new Promise((resolve) => setTimeout(resolve, 300));
    fake!.arrive({ comment: heldComment('c_live', 'Nadia', 'Just in: a comment posted a moment ago.', 0) });
    fake!.arrive({ report: typoReport('t_live', 'recieve', 0, { suggestion: 'receive' }) });
  },
};

/** Nothing awaits a decision. */
export const Empty: Story = { parameters: { fake: { comments: [], reports: [] } } };

/** Waiting for the server. */
export const Loading: Story = { parameters: { fake: { hang: true } } };

/** The server cannot be reached: Try again. */
export const ServerDown: Story = {
  play: () => fake!.fail('offline', 'offline', 'offline', 'offline', 'offline', 'offline'),
  parameters: { fake: { delayMs: 0 } },
};

/** No token: the moderator is asked to sign in. */
export const SignedOut: Story = { args: { token: undefined } };

/** A reader's token: the inbox is for moderators only. */
export const NotAModerator: Story = { args: { token: 'reader-token' }, parameters: { fake: { refuse: 403 } } };

export const Dark: Story = { args: { theme: 'dark' } };

/** German strings. */
export const German: Story = { args: { lang: 'de' } };

/** Arabic, right to left. */
export const Arabic: Story = { args: { lang: 'ar' } };
