import { render } from 'lit';
import { ApiError } from '../core/http.js';
import type { FocusKeeper } from '../core/focus.js';
import type { Messages } from '../core/i18n.js';
import { clearDraft, listDrafts, loadDraft, saveDraft } from './drafts.js';
import { notifyPreference, pageUrl, rememberNotify } from './notify.js';
import { readerFromToken } from './reader.js';
import { CommentDeletedEvent, CommentEditedEvent, CommentPostedEvent } from './events.js';
import { composerTemplate, type ComposerView } from './composer-view.js';
import { adoptFormStyles } from './form.styles.js';
import './form-strings.js';
import { draftSlot, formName, formOfSlot, type FormKey, type FormState } from './forms.js';
import type { ApiClass, CommentsApi, Moderation } from './api.js';
import { CommentWrites } from './api-writes.js';
import { insertOwn, markDeleted } from './thread-writes.js';
import type { ThreadState } from './thread.js';
import type { CommentAction } from './views.js';
import type { Comment } from './types.js';

const DRAFT_DELAY_MS = 250;

/** What the forms ask of the comment box; closures, so the element's members stay private. */
export interface WriterHooks {
  element: HTMLElement;
  state: ThreadState;
  /** When the element was created: how long the reader has had the form (the server's spam check). */
  since: number;
  locale(): { lang: string; messages: Messages };
  /** The reader's token, unless the server refused it. */
  token(): string | undefined;
  guests(): boolean;
  threadId(): string;
  /** The thread's client, of the class given. */
  client<A extends CommentsApi>(Api: ApiClass<A>): A;
  /** The longest comment, in characters. */
  max(): number;
  /** Sign In or Sign Up, drawn by the element. */
  auth(action: 'sign-in' | 'sign-up', label: string): Element;
  newestFirst(): boolean;
  /** Draw again: a form's state changed. */
  update(): void;
  /** Focus, once drawn, the first element any of `selectors` finds. */
  focus(...selectors: string[]): void;
  /** The element's focus keeper: what to focus once drawn, found by a function. */
  keeper: FocusKeeper;
  announce(text: string): void;
  describe(error: unknown): string;
  /** Opens (an id) or closes the reply form, the edit form or the delete question the thread draws. */
  open(which: 'replyTo' | 'editing' | 'confirming', id?: string): void;
  /** A comment of the reader's was added: the whole thread is drawn, so it shows. */
  added(): void;
  /** Closes a reply or edit form (Cancel, Escape); focus goes back to the button that opened it. */
  close(key: FormKey): void;
}

/**
 * What only a reader who writes needs, fetched on demand (chunks/comment-forms.js): the forms with their
 * drafts, preview and "Notify me of replies", posting, editing and deleting, and the moderators' actions.
 */
export class Writer {
  private readonly forms = new Map<string, FormState>();
  private readonly draftTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Each form's holder (Lit renders into it) and the form taken out of it, by form name. */
  private readonly formNodes = new Map<string, [HTMLElement, Element?]>();
  /** "Notify me of replies" is ticked (the reader's last choice). */
  private notifyOn = notifyPreference();

  constructor(private readonly hooks: WriterHooks) {
    if (hooks.element.shadowRoot) adoptFormStyles(hooks.element.shadowRoot);
  }

  /**
   * A form: the thread's own, a reply to a comment (`replyName`: whom it answers), or the edit of `editing`.
   * Each form is rendered by Lit into a holder of its own and taken out to where the element places it: the
   * template (one `<form>`) stays the same, so Lit changes that node in place wherever it is, and the form
   * drawn again is the same node (focus and the caret stay).
   */
  draw(key: FormKey, editing?: Comment, replyName?: string): Element {
    const name = formName(key);
    let drawn = this.formNodes.get(name);
    if (!drawn) this.formNodes.set(name, (drawn = [document.createElement('div')]));
    render(composerTemplate(this.composerView(), key, editing, replyName), drawn[0]);
    return (drawn[1] ??= drawn[0].firstElementChild!);
  }

  /**
   * The forms' code is here: the text typed into the stand-in fields meanwhile joins the drafts, and the
   * field that had focus is focused again in its real form, the caret where it was; a Ctrl+Enter pressed
   * meanwhile (in the form named `sending`) sends.
   */
  takeOver(sending?: string): void {
    const root = this.hooks.element.shadowRoot!;
    const typed = new Map<string, string>();
    const active = root.activeElement;
    let caret: [string, number, number] | undefined;
    for (const field of root.querySelectorAll<HTMLTextAreaElement>('textarea[data-form]')) {
      typed.set(field.dataset.form!, field.value);
      if (field === active) caret = [field.id, field.selectionStart, field.selectionEnd];
    }
    this.restore(typed);
    if (caret || sending) {
      this.hooks.keeper.next(() => {
        const field = caret && root.querySelector<HTMLTextAreaElement>(`#${CSS.escape(caret[0])}`);
        // The caret stays where it was, unless a stored draft now comes before the typed text.
        if (field && field.value === typed.get(field.id.slice(2))) field.setSelectionRange(caret![1], caret![2]);
        if (sending) root.querySelector<HTMLTextAreaElement>(`#f-${CSS.escape(sending)}`)?.form?.requestSubmit();
        return field;
      });
    }
  }

  /**
   * Takes the stored drafts, and what the reader typed before the forms were here (`typed`, by form name),
   * so nothing is lost: a stored draft and new text are both kept, the draft first. Reply forms with text open.
   */
  restore(typed = new Map<string, string>()): void {
    const thread = this.hooks.threadId();
    const texts = new Map(listDrafts(thread).map(({ replyTo, draft }) => [formName(formOfSlot(replyTo)), draft.text]));
    for (const [name, text] of typed) {
      if (!text.trim()) continue;
      const stored = texts.get(name);
      texts.set(name, stored && stored !== text ? `${stored}\n\n${text}` : text);
      saveDraft(thread, draftSlot(formOfSlot(name === 'top' ? undefined : name)), texts.get(name)!);
    }
    for (const [name, text] of texts) {
      const key = formOfSlot(name === 'top' ? undefined : name);
      if (key.kind === 'edit') continue;
      this.setForm(key, { text });
      if (key.kind === 'reply') this.hooks.open('replyTo', key.id);
    }
  }

  /** Stops the drafts' pending saves (the element left the page). */
  stop(): void {
    for (const timer of this.draftTimers.values()) clearTimeout(timer);
  }

  /** A comment's button that needs the forms' code: Edit, Delete's confirmation, and the moderators' actions. */
  run(action: CommentAction, comment: Comment): void {
    if (action === 'edit') this.edit(comment);
    else if (action === 'confirm-delete') void this.act(comment, 'delete');
    else if (action === 'pin' || action === 'unpin') void this.pin(comment, action === 'pin');
    else void this.act(comment, { status: action === 'approve' ? 'published' : action === 'reject' ? 'rejected' : 'spam' });
  }

  edit(comment: Comment): void {
    const key: FormKey = { kind: 'edit', id: comment.id };
    this.hooks.open('editing', comment.id);
    this.setForm(key, { text: loadDraft(this.hooks.threadId(), draftSlot(key))?.text ?? comment.body });
    this.hooks.focus(`#f-${CSS.escape(formName(key))}`);
  }

  /** Deletes a comment (the reader's, or any for a moderator), or changes its status (moderators). */
  async act(comment: Comment, change: Moderation | 'delete'): Promise<void> {
    const hooks = this.hooks;
    const api = hooks.client(CommentWrites);
    try {
      if (change === 'delete') {
        await api.remove(comment.id);
        hooks.open('confirming');
        markDeleted(hooks.state, comment);
        hooks.announce(hooks.locale().messages.commentDeleted);
        hooks.element.dispatchEvent(new CommentDeletedEvent(comment.id));
      } else {
        const updated = await api.change(comment.id, change);
        hooks.state.replace(updated);
        hooks.element.dispatchEvent(new CommentEditedEvent(updated));
      }
      // The button that was used is gone: the reader stays on the comment.
      hooks.focus(at(comment));
    } catch (error) {
      hooks.announce(hooks.describe(error));
    }
  }

  /** Moderators pin a comment (shown first, for everyone) or unpin it. */
  async pin(comment: Comment, on: boolean): Promise<void> {
    const hooks = this.hooks;
    try {
      hooks.state.setPin((await hooks.client(CommentWrites).pin(comment.id, on)).commentId);
      hooks.focus(at(comment));
    } catch (error) {
      hooks.announce(hooks.describe(error));
    }
  }

  private form(key: FormKey): FormState {
    return this.forms.get(formName(key)) ?? { text: '' };
  }

  private setForm(key: FormKey, patch: Partial<FormState> | undefined): void {
    if (patch) this.forms.set(formName(key), { ...this.form(key), ...patch });
    else this.forms.delete(formName(key));
    this.hooks.update();
  }

  private onInput(key: FormKey, event: Event): void {
    const field = event.target as HTMLTextAreaElement;
    const name = formName(key);
    this.setForm(key, { text: field.value, error: undefined });
    growToFit(field);
    clearTimeout(this.draftTimers.get(name));
    this.draftTimers.set(name, setTimeout(() => saveDraft(this.hooks.threadId(), draftSlot(key), field.value), DRAFT_DELAY_MS));
  }

  private async submit(key: FormKey, event: Event): Promise<void> {
    event.preventDefault();
    const hooks = this.hooks;
    const state = this.form(key);
    const text = state.text.trim();
    if (!text || state.sending) return;
    clearTimeout(this.draftTimers.get(formName(key)));
    const thread = hooks.threadId();
    const draft = saveDraft(thread, draftSlot(key), state.text);
    this.setForm(key, { sending: true, error: undefined, signIn: false });
    try {
      const api = hooks.client(CommentWrites);
      const comment =
        key.kind === 'edit'
          ? await api.change(key.id, { body: text })
          : await api.post(
              {
                body: text, parentId: key.kind === 'reply' ? key.id : undefined, formStartedAt: Math.min(hooks.since, draft.savedAt),
                ...this.guestFields(event), ...this.notifyFields(key),
              },
              draft.key,
            );
      clearDraft(thread, draftSlot(key));
      this.setForm(key, undefined);
      if (key.kind === 'edit') {
        hooks.open('editing');
        hooks.state.replace(comment);
        hooks.focus(at(comment));
        hooks.element.dispatchEvent(new CommentEditedEvent(comment));
        return;
      }
      hooks.open('replyTo');
      insertOwn(hooks.state, comment, hooks.newestFirst());
      hooks.added();
      const m = hooks.locale().messages;
      hooks.announce(comment.status === 'pending' ? m.postedHeld : m.posted);
      hooks.focus(at(comment));
      hooks.element.dispatchEvent(new CommentPostedEvent(comment));
    } catch (error) {
      const signIn = error instanceof ApiError && error.status === 401;
      this.setForm(key, { sending: false, error: hooks.describe(error), signIn });
    }
  }

  private guestFields(event: Event): { author?: { name: string; email?: string }; website?: string } {
    if (this.hooks.token() || !this.hooks.guests()) return {};
    const data = new FormData(event.target as HTMLFormElement);
    const email = String(data.get('email') ?? '').trim();
    return { author: { name: String(data.get('name') ?? '').trim(), ...(email ? { email } : {}) }, website: String(data.get('website') ?? '') };
  }

  /**
   * The checkbox is offered where the server can reach the writer: a signed-in reader whose token
   * carries an address (`email` claim), or the guest form with its e-mail field.
   */
  private offersNotify(key: FormKey): 'reader' | 'guest' | undefined {
    if (key.kind === 'edit') return undefined;
    const token = this.hooks.token();
    if (token) return readerFromToken(token)?.email ? 'reader' : undefined;
    return this.hooks.guests() && key.kind === 'new' ? 'guest' : undefined;
  }

  private notifyFields(key: FormKey): { notifyReplies?: boolean; pageUrl?: string; lang?: string } {
    if (!this.offersNotify(key)) return {};
    if (!this.notifyOn) return { notifyReplies: false };
    return { notifyReplies: true, pageUrl: pageUrl(this.hooks.element.ownerDocument.location?.href ?? ''), lang: this.hooks.locale().lang };
  }

  /** What the forms read and do. */
  private composerView(): ComposerView {
    const hooks = this.hooks;
    const token = hooks.token();
    const { lang, messages: m } = hooks.locale();
    return {
      m,
      lang,
      signedIn: Boolean(token),
      readerName: readerFromToken(token)?.name,
      max: hooks.max,
      notifyOn: this.notifyOn,
      offersNotify: (key) => this.offersNotify(key),
      form: (key) => this.form(key),
      auth: hooks.auth,
      submit: (key, event) => void this.submit(key, event),
      input: (key, event) => this.onInput(key, event),
      close: hooks.close,
      preview: (key, preview) => this.setForm(key, { preview }),
      notify: (on) => {
        rememberNotify((this.notifyOn = on));
        hooks.update();
      },
    };
  }
}

/** The selector of a comment's article. */
function at(comment: { id: string }): string {
  return `#comment-${CSS.escape(comment.id)}`;
}

/** Grows a textarea with its text where CSS `field-sizing` is not supported. */
function growToFit(field: HTMLTextAreaElement): void {
  if (CSS.supports?.('field-sizing', 'content')) return;
  field.style.height = 'auto';
  field.style.height = `${field.scrollHeight + 2}px`;
}
