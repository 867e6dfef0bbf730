import { html, nothing } from 'lit';
import { cssProps } from './css-props.js';
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
export function avatarTemplate({ name, src, srcset, sizes, loading = 'lazy', onError }: AvatarOptions) {
  if (src) {
    return html`<img
      class="avatar"
      part="avatar"
      src=${src}
      srcset=${srcset ?? nothing}
      sizes=${sizes || nothing}
      alt=""
      width="80"
      height="80"
      loading=${loading}
      decoding="async"
      @error=${onError}
    />`;
  }
  return html`<span class="avatar" part="avatar" aria-hidden="true" ${cssProps({ background: name ? colorOf(name) : undefined })}>${initialsOf(name)}</span>`;
}
