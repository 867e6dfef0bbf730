/** An EventSource the comment-box tests drive by hand: `FakeEventSource.last.emit('comment-created', comment)`. */
export class FakeEventSource extends EventTarget {
  static last?: FakeEventSource;
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeEventSource.last = this;
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}
