import type { Action } from './types.js';

export interface ItemModeratedDetail {
  kind: 'comment' | 'typo-report';
  id: string;
  action: Action;
  /** True when the moderator took the decision back (Undo). */
  undone: boolean;
}

/** Fired when the server has stored a moderator's decision on an item, or its undoing. */
export class ItemModeratedEvent extends CustomEvent<ItemModeratedDetail> {
  constructor(detail: ItemModeratedDetail) {
    super('item-moderated', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'item-moderated': ItemModeratedEvent;
  }
}
