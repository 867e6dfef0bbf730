/** What `<reading-time>` found when it counted its target. */
export interface ReadingTimeDetail {
  /** Minutes shown to the reader (rounded up). */
  minutes: number;
  /** Words, plus Han and kana characters, plus words of code. */
  words: number;
  images: number;
}

/** Fired by `<reading-time>` when a count of its target gives a different result from the last one. */
export class ReadingTimeUpdatedEvent extends CustomEvent<ReadingTimeDetail> {
  static readonly eventName = 'reading-time-updated';
  constructor(detail: ReadingTimeDetail) {
    super(ReadingTimeUpdatedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'reading-time-updated': ReadingTimeUpdatedEvent;
  }
}
