/** Which form: the thread's own, a reply to a comment, or the edit of one. */
export type FormKey = { kind: 'new' } | { kind: 'reply'; id: string } | { kind: 'edit'; id: string };

export const NEW_COMMENT: FormKey = { kind: 'new' };

export interface FormState {
  text: string;
  sending?: boolean;
  error?: string;
  /** A 401: Sign In is offered beside the error. */
  signIn?: boolean;
  preview?: boolean;
}

/**
 * The name a form's draft is stored under (drafts.ts's `replyTo`): none for the thread's form, the comment's
 * id for a reply, `edit:<id>` for an edit. Drafts saved by earlier versions use the same names.
 */
export function draftSlot(key: FormKey): string | undefined {
  return key.kind === 'new' ? undefined : key.kind === 'reply' ? key.id : `edit:${key.id}`;
}

const EDIT_SLOT = /^edit:(.*)$/s;

/** The form a stored draft belongs to: the one place the stored name is read back. */
export function formOfSlot(slot: string | undefined): FormKey {
  if (slot === undefined) return NEW_COMMENT;
  const edit = EDIT_SLOT.exec(slot);
  return edit ? { kind: 'edit', id: edit[1] } : { kind: 'reply', id: slot };
}

/** A key for maps and element ids: `top`, `<id>` or `edit:<id>` (the ids the fields have always had). */
export function formName(key: FormKey): string {
  return draftSlot(key) ?? 'top';
}
