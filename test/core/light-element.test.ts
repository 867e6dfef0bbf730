// LightElement (src/core/light-element.ts), the base of the elements drawn without Lit, keeps Lit's contract:
// declared properties with attribute conversion and reflection, one draw after a batch of changes, updateComplete,
// values set before the upgrade; and view.ts's patch keeps the nodes it can (a server-rendered root's, a focused button).
import { expect, fixture } from '@open-wc/testing';
import { LightElement, type PropertyValues } from '../../src/core/light-element.js';
import { css } from '../../src/core/css.js';
import { draw, h, patch, views } from '../../src/core/view.js';

let count = 0;
const tag = () => `inkwell-light-test-${++count}`;

/** A class of its own for each test (a constructor can be registered under one tag only), declared as the build writes it. */
function make() {
  class Probe extends LightElement {
    static override styles = css`
      :host {
        display: block;
      }
    `;
    static properties = {
      label: {},
      count: { type: Number },
      open: { type: Boolean, reflect: true },
      mode: { reflect: true },
      headingLevel: { type: Number, attribute: 'heading-level' },
      hidden2: { state: true },
    };
    declare label: string | null;
    declare count?: number | null;
    declare open: boolean;
    declare mode: string;
    declare headingLevel: number;
    draws = 0;
    changes: string[] = [];
    constructor() {
      super();
      this.label = '';
      this.open = false;
      this.mode = 'plain';
      this.headingLevel = 3;
    }
    protected override willUpdate(changed: PropertyValues): void {
      this.changes = [...changed.keys()].map(String);
    }
    protected override render() {
      this.draws++;
      return h('p', { part: 'text', 'data-count': this.count ?? undefined, hidden: this.open ? false : undefined }, this.label, h('button', { onclick: () => (this.open = !this.open) }, 'toggle'));
    }
  }
  const name = tag();
  customElements.define(name, Probe);
  return { name, Probe };
}

describe('LightElement', () => {
  it('converts attributes to properties as Lit does: strings, Number, Boolean, a named attribute; removed is null', async () => {
    const { name } = make();
    const element = document.createElement(name) as LightElement & Record<string, unknown>;
    element.setAttribute('label', 'Hi');
    element.setAttribute('count', '7');
    element.setAttribute('open', '');
    element.setAttribute('heading-level', '2');
    document.body.append(element);
    await element.updateComplete;
    expect(element.label).to.equal('Hi');
    expect(element.count).to.equal(7);
    expect(element.open).to.equal(true);
    expect(element.headingLevel).to.equal(2);
    element.removeAttribute('count');
    element.removeAttribute('label');
    element.removeAttribute('open');
    expect(element.count).to.equal(null);
    expect(element.label).to.equal(null);
    expect(element.open).to.equal(false);
    expect((element.constructor as typeof LightElement & { observedAttributes: string[] }).observedAttributes).to.have.members([
      'label',
      'count',
      'open',
      'mode',
      'heading-level',
    ]);
    element.remove();
  });

  it('reflects declared properties after the draw, including their defaults', async () => {
    const { name } = make();
    const element = (await fixture(`<${name}></${name}>`)) as LightElement & Record<string, unknown>;
    expect(element.getAttribute('mode')).to.equal('plain');
    expect(element.hasAttribute('open')).to.equal(false);
    element.open = true;
    element.mode = 'fancy';
    expect(element.hasAttribute('open'), 'not before the draw').to.equal(false);
    await element.updateComplete;
    expect(element.getAttribute('open')).to.equal('');
    expect(element.getAttribute('mode')).to.equal('fancy');
  });

  it('draws once for a batch of changes, and updateComplete settles after the draw', async () => {
    const { name } = make();
    const element = (await fixture(`<${name} label="a"></${name}>`)) as LightElement & Record<string, unknown>;
    const before = element.draws as number;
    element.label = 'b';
    element.count = 2;
    element.label = 'c';
    expect(await element.updateComplete).to.equal(true);
    expect(element.draws).to.equal(before + 1);
    expect(element.changes).to.have.members(['label', 'count']);
    expect(element.shadowRoot!.querySelector('p')!.textContent).to.equal('ctoggle');
    expect(element.shadowRoot!.querySelector('p')!.getAttribute('data-count')).to.equal('2');
  });

  it('takes over values set before the upgrade, in a subclass too', async () => {
    const name = tag();
    const element = document.createElement(name) as HTMLElement & Record<string, unknown>;
    element.label = 'early';
    element.count = 5;
    document.body.append(element);
    const { Probe } = make();
    // A site's subclass keeps its parent's properties, attributes and reflection.
    customElements.define(name, class extends Probe {});
    await (element as unknown as LightElement).updateComplete;
    expect(element.shadowRoot!.querySelector('p')!.textContent).to.equal('earlytoggle');
    expect(element.count).to.equal(5);
    expect(element.getAttribute('mode')).to.equal('plain');
    element.setAttribute('count', '6');
    expect(element.count).to.equal(6);
    element.remove();
  });

  it('keeps the nodes it drew: a focused button stays focused, listeners follow the latest view', async () => {
    const { name } = make();
    const element = (await fixture(`<${name} label="x"></${name}>`)) as LightElement & Record<string, unknown>;
    const button = element.shadowRoot!.querySelector('button')!;
    button.focus();
    button.click();
    await element.updateComplete;
    expect(element.open).to.equal(true);
    expect(element.shadowRoot!.querySelector('button')).to.equal(button);
    expect(element.shadowRoot!.activeElement).to.equal(button);
    button.click();
    await element.updateComplete;
    expect(element.open).to.equal(false);
  });

  it('takes over a server-rendered shadow root: its nodes and <style> kept, nothing drawn twice', async () => {
    const { name } = make();
    const host = document.createElement('div');
    // What the server renderer (src/ssr/light-renderer.ts) writes, in the shadow root the parser attaches for a declarative one.
    const element = document.createElement(name) as LightElement;
    element.setAttribute('label', 'served');
    element.attachShadow({ mode: 'open' }).innerHTML = '<style>:host{display:block}</style><p part="text">servedtoggle<button>toggle</button></p>';
    host.append(element);
    const paragraph = element.shadowRoot!.querySelector('p');
    const button = element.shadowRoot!.querySelector('button');
    document.body.append(host);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('p')).to.equal(paragraph);
    expect(element.shadowRoot!.querySelector('button')).to.equal(button);
    expect(element.shadowRoot!.querySelectorAll('p, style, button')).to.have.length(3);
    expect(paragraph!.textContent).to.equal('servedtoggle');
    // Live: its listeners are bound to the server's nodes, and attribute changes redraw it.
    button!.click();
    expect((element as LightElement & { open: boolean }).open).to.equal(true);
    element.setAttribute('label', 'live');
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('p')).to.equal(paragraph);
    expect(paragraph!.textContent).to.equal('livetoggle');
    host.remove();
  });

  it('adopts its styles as constructable style sheets (no <style>, no style attribute)', async () => {
    const { name } = make();
    const element = (await fixture(`<${name}></${name}>`)) as LightElement;
    expect(element.shadowRoot!.adoptedStyleSheets).to.have.length(1);
    expect(element.shadowRoot!.querySelector('style')).to.equal(null);
    expect(getComputedStyle(element).display).to.equal('block');
  });
});

describe('view.ts: nodes made elsewhere, and draw()', () => {
  it('places a node made elsewhere among the views and never moves it: what was drawn before it and is not any more goes', () => {
    const parent = document.body.appendChild(document.createElement('div'));
    const list = document.createElement('ol');
    const field = list.appendChild(document.createElement('li')).appendChild(document.createElement('input'));
    try {
      patch(parent, views([h('button', {}, 'new'), list, h('p', {}, 'after')]));
      expect([...parent.children].map((child) => child.localName)).to.deep.equal(['button', 'ol', 'p']);
      const after = parent.querySelector('p');
      field.focus();
      // The button goes: the list stays where it is (moved, it would lose the focus inside it), the paragraph after it too.
      patch(parent, views([list, h('p', {}, 'after')]));
      expect([...parent.children].map((child) => child.localName)).to.deep.equal(['ol', 'p']);
      expect(document.activeElement).to.equal(field);
      expect(parent.querySelector('p')).to.equal(after);
      // Not drawn any more: taken away.
      patch(parent, views([h('p', {}, 'after')]));
      expect(list.isConnected).to.equal(false);
    } finally {
      parent.remove();
    }
  });

  it('draws a view over an element of its tag (the same node, attributes and children changed), else makes one', () => {
    const form = draw(h('form', { class: 'a' }, h('textarea', { id: 'f' })));
    const field = form.querySelector('textarea')!;
    field.value = 'typed';
    expect(draw(h('form', { class: 'b' }, h('textarea', { id: 'f' }), 'note'), form)).to.equal(form);
    expect(form.className).to.equal('b');
    expect(form.querySelector('textarea')).to.equal(field);
    expect(field.value).to.equal('typed');
    expect(form.textContent).to.equal('note');
    const other = draw(h('p', {}, 'x'), form);
    expect(other).not.to.equal(form);
    expect(other.outerHTML).to.equal('<p>x</p>');
  });
});
