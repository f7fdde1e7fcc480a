// Reads a PDF with pdf.js: its page count and the page each named destination (an element id Chromium linked to) is on.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfDestinations {
  pages: number;
  /** Destination name → 1-based page number. */
  pageOf: Record<string, number>;
}

export async function pdfPageOfDestinations(pdf: Uint8Array, names: string[]): Promise<PdfDestinations> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pageOf: Record<string, number> = {};
    const missing: string[] = [];
    for (const name of names) {
      const dest = await doc.getDestination(name);
      if (!dest) missing.push(name);
      else pageOf[name] = (await doc.getPageIndex(dest[0])) + 1;
    }
    if (missing.length > 0) throw new Error(`the PDF has no destination named ${missing.join(', ')}`);
    return { pages: doc.numPages, pageOf };
  } finally {
    await doc.destroy();
  }
}
