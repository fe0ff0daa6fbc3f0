// Decoding an image in full before it is imported: a header can be intact over bytes that are not.

/**
 * Decodes an image in full; rejects when it does not decode. (Its size is the header's, which
 * the header check compares with the record: decoders read the size from the same fields.)
 */
export type DecodeImage = (image: Blob) => Promise<void>;

/**
 * The browser's decoder, for the dashboard. createImageBitmap decodes every pixel and rejects a
 * damaged or cut-off image; `<img>.decode()` resolves for a damaged PNG it would draw half-blank.
 */
export const decodeWithBrowser: DecodeImage = async (image) => {
  (await createImageBitmap(image)).close();
};
