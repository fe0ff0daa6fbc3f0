import { browser } from 'wxt/browser';

/** DejaVu Sans regular and bold, shipped with the extension (public/fonts, Bitstream Vera licence). */
export async function readoutFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  const load = async (file: string) => {
    const response = await fetch(browser.runtime.getURL(`/fonts/${file}` as '/fonts/DejaVuSans.ttf'));
    if (!response.ok) throw new Error(`The PDF font ${file} is missing from the extension.`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const [regular, bold] = await Promise.all([load('DejaVuSans.ttf'), load('DejaVuSans-Bold.ttf')]);
  return { regular, bold };
}
