// What the elements without Lit draw: a tree of plain objects, made by h(), turned into DOM by patch() in the
// browser and into HTML by the server (src/ssr/light-renderer.ts), so that both show the same markup.

/**
 * An element's attributes, and two kinds of keys that are not attributes: `on…` (a listener, set as the
 * node's property, never as markup) and `style` (CSS properties set through the CSSOM, so that a strict
 * Content-Security-Policy allows them; the server does not write them). An attribute whose value is
 * undefined, null or false is left out; true writes it empty.
 */
export type Props = Record<string, unknown> & { style?: Record<string, string | undefined> };

export interface ViewElement {
  readonly tag: string;
  readonly props: Props;
  readonly children: View[];
}

/** Text (never parsed as markup), an element, or a node made elsewhere (placed as it is; never on the server). */
export type View = string | ViewElement | Node;

/** What h() takes as children: nested arrays, and nothing where nothing is drawn. */
export type Children = View | number | false | null | undefined | Children[];

function flatten(children: Children[], into: View[]): View[] {
  for (const child of children) {
    if (Array.isArray(child)) flatten(child, into);
    else if (child || child === 0) {
      const last = into.length - 1;
      // Adjacent texts are one text node, as the browser parses the server's HTML.
      if (typeof child !== 'object' && typeof into[last] === 'string') into[last] += child;
      else into.push(typeof child === 'object' ? child : `${child}`);
    }
  }
  return into;
}

export const h = (tag: string, props: Props = {}, ...children: Children[]): ViewElement => ({ tag, props, children: flatten(children, []) });

/** The views, flattened as h() flattens children. */
export const views = (children: Children): View[] => flatten([children], []);

type Drawn = ChildNode & { drawnProps?: Props };
type Styled = HTMLElement & Drawn & Record<string, unknown>;

/**
 * Makes the children of `parent` from `start` on match `drawn`: nodes of the same kind are kept and
 * updated (a focused button keeps its focus, an image is not fetched again, the server's nodes stay), others
 * made, and the ones left over removed.
 */
export function patch(parent: ParentNode, drawn: View[], start: ChildNode | null = parent.firstChild): void {
  let node = start as Drawn | null;
  for (const view of drawn) {
    let made = node!;
    if (typeof view === 'string') {
      if (node?.nodeType !== 3) made = document.createTextNode(view);
      else if ((node as Text).data !== view) (node as Text).data = view;
    } else made = (view as ViewElement).tag ? draw(view as ViewElement, node) : (view as ChildNode);
    // Kept, or a node made elsewhere already here: what is before it is no longer drawn (moving it instead would lose focus).
    if (made.parentNode === parent) node = clear(node, made);
    else parent.insertBefore(made, node);
    node = made.nextSibling;
  }
  clear(node, null);
}

/** Removes the nodes from `node` to `until`, and returns `until`. */
function clear(node: ChildNode | null, until: ChildNode | null): ChildNode | null {
  while (node && node !== until) {
    const next = node.nextSibling;
    node.remove();
    node = next;
  }
  return node;
}

/** `view` as one element: `node` changed to show it when it is one of the same tag, else a new one. */
export function draw(view: ViewElement, node?: ChildNode | null): Element {
  const element = ((node as Element | null)?.localName === view.tag ? node : document.createElement(view.tag)) as Styled;
  update(element, view.props);
  patch(element, view.children);
  return element;
}

function update(element: Styled, props: Props): void {
  for (const name in element.drawnProps) if (name.startsWith('on') && !(name in props)) element[name] = null;
  for (const attribute of [...element.attributes]) if (!(attribute.name in props)) element.removeAttribute(attribute.name);
  for (const [name, value] of Object.entries(props)) {
    if (name.startsWith('on')) element[name] = value ?? null;
    else if (name === 'style') {
      for (const [property, set] of Object.entries(value as Record<string, string | undefined>)) {
        if (set === undefined) element.style.removeProperty(property);
        else element.style.setProperty(property, set);
      }
    } else if (value === undefined || value === null || value === false) element.removeAttribute(name);
    else {
      const text = value === true ? '' : `${value}`;
      if (element.getAttribute(name) !== text) element.setAttribute(name, text);
    }
  }
  element.drawnProps = props;
}
