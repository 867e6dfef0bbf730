import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets CSS properties through the CSSOM, never through a `style` attribute, so it works under a
 * Content-Security-Policy without 'unsafe-inline' (Lit's styleMap writes the attribute on first render).
 * Use it as an element binding: `<span ${cssProps({ background: color })}>`.
 */
class CssPropsDirective extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssProps() is an element binding');
  }

  render(_props: Record<string, string | undefined>) {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Record<string, string | undefined>]) {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) style.removeProperty(name);
      else style.setProperty(name, value);
    }
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
