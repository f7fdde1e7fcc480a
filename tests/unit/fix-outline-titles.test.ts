import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';
import { fixOutlineTitles, outlineTitles } from '../../src/print/fix-outline-titles.ts';

interface Mark {
  title: string;
  children?: Mark[];
}

/** A one-page PDF with these bookmarks (nested as given). */
async function pdfWithOutline(marks: Mark[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const { context } = doc;
  const link = (parent: PDFRef, items: Mark[]): PDFRef[] => {
    const refs = items.map(() => context.nextRef());
    items.forEach((mark, i) => {
      const item = context.obj({ Title: PDFHexString.fromText(mark.title), Parent: parent });
      if (refs[i + 1]) item.set(PDFName.of('Next'), refs[i + 1]);
      const children = link(refs[i], mark.children ?? []);
      if (children.length > 0) {
        item.set(PDFName.of('First'), children[0]);
        item.set(PDFName.of('Last'), children.at(-1)!);
      }
      context.assign(refs[i], item);
    });
    return refs;
  };
  const root = context.nextRef();
  const top = link(root, marks);
  context.assign(root, context.obj({ Type: 'Outlines', First: top[0], Last: top.at(-1)! }));
  doc.catalog.set(PDFName.of('Outlines'), root);
  return doc.save();
}

test('puts back the spaces Chromium drops where a heading wrapped, at every depth', async () => {
  const pdf = await pdfWithOutline([
    { title: 'Módulo 01: Máquinas virtuales yDocker', children: [{ title: 'Nativo en Linux; en Windows y macOS, unaVM' }] },
    { title: 'Glosario' },
  ]);
  const { pdf: fixed, fixed: count } = await fixOutlineTitles(pdf, [
    'Módulo 01: Máquinas virtuales y Docker',
    '  Nativo en Linux; en Windows\n y macOS, una VM ',
    'Glosario',
  ]);
  assert.equal(count, 2);
  assert.deepEqual(outlineTitles(await PDFDocument.load(fixed)), [
    'Módulo 01: Máquinas virtuales y Docker',
    'Nativo en Linux; en Windows y macOS, una VM',
    'Glosario',
  ]);
});

test('leaves titles that match no heading alone, and the PDF untouched when there is nothing to fix', async () => {
  const pdf = await pdfWithOutline([{ title: 'Capítulo 1. Introducción', children: [{ title: 'Otra cosa' }] }]);
  const result = await fixOutlineTitles(pdf, ['Capítulo 1. Introducción', 'Nada que ver']);
  assert.equal(result.fixed, 0);
  assert.equal(result.pdf, pdf);
});

test('a PDF without bookmarks has no titles', async () => {
  const doc = await PDFDocument.create();
  doc.addPage();
  assert.deepEqual(outlineTitles(await PDFDocument.load(await doc.save())), []);
});
