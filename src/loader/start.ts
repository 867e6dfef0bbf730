/** The comment box's chunk is fetched when the box comes this close to the viewport. */
const NEAR = '800px';

/**
 * Defines each tag the first time it appears in the document: an initial scan, then a
 * MutationObserver for elements added later. `<comment-box>` waits until it nears the viewport,
 * unless it has `eager` or the address points to one of its comments (`#comment-…`).
 * Returns `load`, which fetches a tag's chunk now.
 */
export function startLoader(
  tags: string[],
  importChunk: (tag: string) => Promise<unknown>,
  hydration: () => Promise<unknown>,
  litTags: string[],
): (tag: string) => Promise<unknown> {
  const loading = new Map<string, Promise<unknown>>();
  const watched = new WeakSet<Element>();
  let near: IntersectionObserver | undefined;
  let hydrating: Promise<unknown> | undefined;
  const litSelector = litTags.join();

  const load = (tag: string): Promise<unknown> => {
    let pending = loading.get(tag);
    if (!pending) {
      // Lit's elements rendered on the server (a declarative shadow root) hydrate: Lit's hydration comes before any
      // of them is defined. The others (LightElement) draw over the server's nodes themselves and need no hydration.
      if (!hydrating && litTags.includes(tag) && [...document.querySelectorAll(litSelector)].some((element) => element.shadowRoot)) {
        hydrating = hydration().catch((error: unknown) => console.warn('[inkwell] hydration:', error));
      }
      const chunk = () => (tags.includes(tag) ? importChunk(tag) : Promise.reject(new Error('unknown tag')));
      // A page's first Intl object loads the locale data all later ones share (15-60 ms once, whatever its kind or
      // language). The comment box's dates need it: made while its chunk downloads, it is not paid after the listing arrives.
      if (tag == 'comment-box') setTimeout(Intl.DateTimeFormat);
      pending = ((litTags.includes(tag) && hydrating?.then(chunk)) || chunk()).catch((error: unknown) => {
        loading.delete(tag);
        console.warn(`[inkwell] <${tag}> could not be loaded:`, error);
      });
      loading.set(tag, pending);
    }
    return pending;
  };

  const commentLinked = () => location.hash.startsWith('#comment-');

  const watchCommentBoxes = (boxes: NodeListOf<Element>) => {
    if (typeof IntersectionObserver !== 'function' || commentLinked()) return load('comment-box');
    near ??= new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          near?.disconnect();
          void load('comment-box');
        }
      },
      { rootMargin: NEAR },
    );
    for (const box of boxes) {
      if (box.hasAttribute('eager')) return load('comment-box');
      if (!watched.has(box)) {
        watched.add(box);
        near.observe(box);
      }
    }
  };

  const scan = () => {
    for (const tag of tags) {
      if (loading.has(tag)) continue;
      if (tag === 'comment-box') {
        const boxes = document.querySelectorAll(tag);
        if (boxes.length) void watchCommentBoxes(boxes);
      } else if (document.querySelector(tag)) {
        void load(tag);
      }
    }
    if (loading.size === tags.length) {
      mutations.disconnect();
      removeEventListener('hashchange', scan);
    }
  };

  const mutations = new MutationObserver(scan);
  mutations.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['eager'] });
  addEventListener('hashchange', scan);
  scan();
  return load;
}
