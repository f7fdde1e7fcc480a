// Gives a Chromium PDF's bookmarks back the spaces Chromium drops where a heading wraps ("una VM" → "unaVM").
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Every bookmark, depth first, as its dictionary. */
function outlineItems(doc: PDFDocument): PDFDict[] {
  const items: PDFDict[] = [];
  const walk = (parent: PDFDict | undefined) => {
    for (let item = parent?.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      items.push(item);
      walk(item);
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict));
  return items;
}

export function outlineTitles(doc: PDFDocument): string[] {
  return outlineItems(doc).map((item) => item.lookup(PDFName.of('Title'), PDFString, PDFHexString).decodeText());
}

/**
 * Replaces each bookmark title that equals one of the page's headings but for whitespace with that heading's
 * text (whitespace collapsed). Returns the PDF and how many titles it fixed; everything else is kept as it was.
 */
export async function fixOutlineTitles(pdf: Uint8Array, headings: string[]): Promise<{ pdf: Uint8Array; fixed: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const byLetters = new Map(headings.map((text) => text.replace(/\s+/g, ' ').trim()).map((text) => [squeeze(text), text]));
  let fixed = 0;
  for (const item of outlineItems(doc)) {
    const title = item.lookup(PDFName.of('Title'), PDFString, PDFHexString).decodeText();
    const heading = byLetters.get(squeeze(title));
    if (heading !== undefined && heading !== title) {
      item.set(PDFName.of('Title'), PDFHexString.fromText(heading));
      fixed++;
    }
  }
  return { pdf: fixed > 0 ? await doc.save({ updateFieldAppearances: false }) : pdf, fixed };
}
