import { h, type ViewElement } from './view.js';
import { colorOf, initialsOf } from './avatar.js';

export interface AvatarOptions {
  name: string;
  /** A checked URL; without it (or after `onError`) the initials show. */
  src?: string;
  srcset?: string;
  sizes?: string;
  loading?: 'lazy' | 'eager';
  onError: (event: Event) => void;
}

/** A person's picture, or their initials on a colour from their name. Decorative: the name is always written beside it. */
export function avatarView({ name, src, srcset, sizes, loading = 'lazy', onError }: AvatarOptions): ViewElement {
  if (src) {
    return h('img', { class: 'avatar', part: 'avatar', src, srcset, sizes: sizes || undefined, alt: '', width: 80, height: 80, loading, decoding: 'async', onerror: onError });
  }
  return h('span', { class: 'avatar', part: 'avatar', 'aria-hidden': 'true', style: { background: name ? colorOf(name) : undefined } }, initialsOf(name));
}
