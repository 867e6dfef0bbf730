import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { fill, formatPlural, type Messages } from '../core/i18n.js';
import { markdownFragment } from './markdown-fragment.js';
import { formName, type FormKey, type FormState } from './forms.js';
import type { Comment } from './types.js';

/** What a comment form reads: the reader and their rights, each form's state, and what its controls do. */
export interface ComposerView {
  m: Messages;
  lang: string;
  /** Signed in with a token the server has not refused. */
  signedIn: boolean;
  /** The signed-in reader's name, said under the thread's form. */
  readerName?: string;
  /** The longest comment, in characters. */
  max(): number;
  /** "Notify me of replies" is ticked. */
  notifyOn: boolean;
  /** Whether the form offers the notify checkbox, and to whom. */
  offersNotify(key: FormKey): 'reader' | 'guest' | undefined;
  form(key: FormKey): FormState;
  auth(action: 'sign-in' | 'sign-up', label: string): Element;
  submit(key: FormKey, event: Event): void;
  input(key: FormKey, event: Event): void;
  close(key: FormKey): void;
  preview(key: FormKey, on: boolean): void;
  notify(on: boolean): void;
}

/** A name isolated from the sentence around it (first-strong isolate … pop), as <bdi> would inside a string. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * The thread's form, a reply's (`replyName`: whom it answers) or an edit's (`editing`: the comment), for a
 * reader who may write (the element draws the sign-in prompt for the others).
 */
export function composerTemplate(view: ComposerView, key: FormKey, editing?: Comment, replyName?: string) {
  const { m, lang, signedIn } = view;
  const state = view.form(key);
  const id = `f-${formName(key)}`;
  const max = view.max();
  const left = max - state.text.length;
  const label = editing ? m.editComment : replyName ? fill(lang, m.replyTo, { name: replyName }) : m.yourComment;
  return html`<form part="form" @submit=${(event: Event) => view.submit(key, event)} novalidate>
      <label for=${id}>${label}</label>
      ${state.preview
        ? // <output> is labelable: the label names the preview as it names the field.
          html`<output id=${id} class="preview body" role="group" tabindex="-1" dir="auto">${guard([state.text], () => markdownFragment(state.text))}</output>`
        : html`<textarea
            part="input"
            id=${id}
            name="body"
            dir="auto"
            rows="3"
            maxlength=${max}
            aria-describedby="${id}-note"
            .value=${state.text}
            @input=${(event: Event) => view.input(key, event)}
            @keydown=${(event: KeyboardEvent) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                (event.target as HTMLTextAreaElement).form?.requestSubmit();
              } else if (event.key === 'Escape' && key.kind !== 'new') {
                event.preventDefault();
                view.close(key);
              }
            }}
          ></textarea>`}
      ${!signedIn && key.kind === 'new'
        ? html`<div class="guest">
            <label>${m.guestName}<input part="input" name="name" dir="auto" required maxlength="80" autocomplete="name" /></label>
            <label>${m.guestEmail}<input part="input" name="email" type="email" dir="ltr" maxlength="200" autocomplete="email" /></label>
          </div>`
        : nothing}
      ${notifyTemplate(view, key)}
      <div class="row">
        <span class="note ${state.error ? 'error' : ''}" id="${id}-note" role=${state.error ? 'alert' : nothing}>
          ${state.error ??
          (left <= max * 0.1 ? formatPlural(lang, m.charactersLeft, left, { n: left }) : signedIn && view.readerName && key.kind === 'new' ? fill(lang, m.signedInAs, { name: isolate(view.readerName) }) : '')}
          ${state.signIn ? html` ${view.auth('sign-in', m.signIn)}` : nothing}
        </span>
        <button part="action" type="button" aria-pressed=${state.preview ? 'true' : 'false'} @click=${() => view.preview(key, !state.preview)}>
          ${m.preview}
        </button>
        ${key.kind !== 'new' ? html`<button part="action" type="button" @click=${() => view.close(key)}>${m.cancel}</button>` : nothing}
        <button part="action primary-action" type="submit" class="primary" ?disabled=${!state.text.trim()} aria-disabled=${state.sending ? 'true' : 'false'}>
          ${state.sending ? m.sending : state.error ? m.retry : editing ? m.save : m.post}
        </button>
      </div>
    </form>`;
}

/** "Notify me of replies", where the server can reach the writer; a guest is told a confirmation mail comes first. */
function notifyTemplate(view: ComposerView, key: FormKey) {
  const offered = view.offersNotify(key);
  if (!offered) return nothing;
  const { m, notifyOn } = view;
  const id = `f-${formName(key)}-notify`;
  return html`<div class="notify">
      <input
        type="checkbox"
        id=${id}
        name="notifyReplies"
        aria-describedby=${offered === 'guest' && notifyOn ? `${id}-hint` : nothing}
        .checked=${notifyOn}
        @change=${(event: Event) => view.notify((event.target as HTMLInputElement).checked)}
      /><label for=${id}>${m.notifyReplies}</label>
      ${offered === 'guest' && notifyOn ? html`<span class="note" id="${id}-hint">${m.notifyConfirm}</span>` : nothing}
    </div>`;
}
