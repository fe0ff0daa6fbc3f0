// Runs in the web page: the images and media a study that hides them covers (a study setting).
import { orElse } from './attempt';

/** Outermost SVGs only: an icon's inner shapes are covered with it. */
const MEDIA_SELECTOR = 'img, video, canvas, svg:not(svg svg), input[type="image"], embed, object';

/** Every image, video, canvas, inline SVG and element with a background image in the root. */
export function findMedia(root: Document | ShadowRoot): Element[] {
  const view = (root.ownerDocument ?? root).defaultView;
  const found = new Set(root.querySelectorAll(MEDIA_SELECTOR));
  if (view) {
    for (const element of root.querySelectorAll('*')) {
      if (found.has(element)) continue;
      const background = orElse(() => view.getComputedStyle(element).backgroundImage, 'none');
      if (background.includes('url(')) found.add(element);
    }
  }
  return [...found];
}
