/** Elements of an XML file, read as a stream: only the elements asked for are built, one at a time. */
import fs from 'node:fs';
import sax from 'sax';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  /** The line the element starts on, for reports. */
  line: number;
}

export type XmlEvent = { type: 'element'; path: string[]; node: XmlNode } | { type: 'end'; path: string[] } | { type: 'error'; line: number; message: string };

/** The first child named `name`. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** The text of the first child named `name` (CDATA included), trimmed; undefined without one. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  const found = child(node, name);
  return found === undefined ? undefined : found.text.trim();
}

/** A syntax error this many times in one file means it is not the XML it claims to be. */
const MAX_ERRORS = 100;

/**
 * Yields each element whose path (names from the root) `collect` accepts, whole, when it closes, and an
 * `end` event when an element that `ends` accepts closes. Syntax errors are yielded and reading goes on.
 */
export async function* xmlElements(file: string, collect: (path: string[]) => boolean, ends: (path: string[]) => boolean = () => false): AsyncGenerator<XmlEvent> {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  const path: string[] = [];
  const open: XmlNode[] = [];
  let queue: XmlEvent[] = [];
  let errors = 0;
  parser.onopentag = (tag) => {
    path.push(tag.name);
    if (open.length > 0 || collect(path)) {
      const node: XmlNode = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '', line: parser.line + 1 };
      open.at(-1)?.children.push(node);
      open.push(node);
    }
  };
  parser.ontext = parser.oncdata = (text) => {
    const node = open.at(-1);
    if (node) node.text += text;
  };
  parser.onclosetag = () => {
    const node = open.pop();
    if (node && open.length === 0) queue.push({ type: 'element', path: [...path], node });
    else if (!node && ends(path)) queue.push({ type: 'end', path: [...path] });
    path.pop();
  };
  parser.onerror = (err) => {
    queue.push({ type: 'error', line: parser.line + 1, message: err.message.split('\n')[0]! });
    if (++errors > MAX_ERRORS) throw new Error(`${file} has more than ${MAX_ERRORS} XML errors; is it the right file?`);
    parser.error = null as unknown as Error;
    parser.resume();
  };
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    parser.write(chunk as string);
    yield* queue;
    queue = [];
  }
  parser.close();
  yield* queue;
}
