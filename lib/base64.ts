// Base64 both ways, for every module that needs it: exports write images as base64 (JSON, the
// HTML report), the JSON import reads them back, and capture decodes the browser's data: URLs.

/** Base64 of a Blob's bytes. */
export async function blobToBase64(blob: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
}

/** Base64 of bytes, in chunks so large screenshots do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const chunk = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** The engine's own decoder (Chrome 140, Firefox 133): a screenshot in a few milliseconds less. */
const fromBase64 = (Uint8Array as unknown as { fromBase64?: (base64: string) => Uint8Array<ArrayBuffer> }).fromBase64;

/** The bytes base64 stands for; throws (a SyntaxError or a DOMException) when it is not base64. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  if (fromBase64) return fromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
