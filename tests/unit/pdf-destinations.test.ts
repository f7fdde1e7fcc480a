import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument, PDFName } from 'pdf-lib';
import { pdfPageOfDestinations } from '../../src/print/pdf-destinations.ts';

/** A three-page PDF with named destinations on pages 2 and 3. */
async function pdfWithDestinations(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const pages = [doc.addPage(), doc.addPage(), doc.addPage()];
  const dest = (page: number) => doc.context.obj([pages[page - 1].ref, PDFName.of('XYZ'), 0, 800, 0]);
  doc.catalog.set(PDFName.of('Dests'), doc.context.obj({ 'docker-engine': dest(2), 'docker-engine--api-rest': dest(3) }));
  return doc.save();
}

test('gives the page count and the 1-based page of each named destination', async () => {
  const { pages, pageOf } = await pdfPageOfDestinations(await pdfWithDestinations(), ['docker-engine', 'docker-engine--api-rest']);
  assert.equal(pages, 3);
  assert.deepEqual(pageOf, { 'docker-engine': 2, 'docker-engine--api-rest': 3 });
});

test('fails naming the destinations the PDF lacks', async () => {
  await assert.rejects(
    pdfPageOfDestinations(await pdfWithDestinations(), ['docker-engine', 'redes', 'glosario']),
    /the PDF has no destination named redes, glosario/,
  );
});
