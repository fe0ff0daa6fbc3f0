import type { ImageCheck } from './read';

/** An image decodes when the browser can make a bitmap of it. */
export const decodesInBrowser: ImageCheck = async (blob) => {
  try {
    const bitmap = await createImageBitmap(blob);
    bitmap.close();
    return true;
  } catch {
    return false;
  }
};
