// Every download of every page, through the README's serve command (Playwright's web server): status, type and the
// name the browser saves it under; pages and their anchors at their public addresses.
import { expect, test } from '@playwright/test';
import { builtHtml, PAGES } from './site.ts';

interface Download {
  page: string;
  href: string;
  name: string;
}

const DOWNLOADS: Download[] = [
  ...new Map(
    PAGES.flatMap(({ path }) =>
      builtHtml(path)
        .querySelectorAll('a[download]')
        .map((a) => ({ page: path, href: a.getAttribute('href')!, name: a.getAttribute('download')! })),
    ).map((d) => [d.href, d]),
  ).values(),
];
const PDFS = [...new Set(PAGES.flatMap(({ path }) => builtHtml(path).querySelectorAll('a[href$=".pdf"]')))].map((a) =>
  a.getAttribute('href')!,
);

/** The type each kind of lesson file must come with. */
function expectedType(name: string): RegExp {
  if (name.endsWith('.zip')) return /^application\/zip$/;
  if (name.endsWith('.pdf')) return /^application\/pdf$/;
  return /^text\/plain; charset=utf-8$/;
}

test('the pages offer the lesson files: Dockerfiles, a dotfile, YAML, Python, text, ZIPs and the PDF', () => {
  const names = DOWNLOADS.map((d) => d.name);
  for (const name of ['Dockerfile', '.dockerignore', 'compose.yaml', 'contar_palabras.py', 'quijote.txt'])
    expect(names).toContain(name);
  expect(names.some((n) => n.endsWith('.zip'))).toBe(true);
  expect(PDFS.length).toBeGreaterThan(0);
});

test('every download answers 200 with its type, and no sniffing', async ({ request }) => {
  const wrong: string[] = [];
  for (const { href, name, page } of [...DOWNLOADS, ...PDFS.map((href) => ({ href, name: href, page: '' }))]) {
    const response = await request.get(href);
    const type = response.headers()['content-type'] ?? '';
    if (
      response.status() !== 200 ||
      !expectedType(name).test(type) ||
      response.headers()['x-content-type-options'] !== 'nosniff'
    )
      wrong.push(`${href} (on ${page}): ${response.status()} ${type}`);
  }
  expect(wrong).toEqual([]);
});

// Chrome drops a leading dot from a saved name, whatever the server says (a browser rule; the page says so beside
// the link, and the lesson's ZIP keeps the name).
const SAVED_AS: Record<string, string> = { '.dockerignore': 'dockerignore' };

test("beside a dotfile's link the page says how the browser saves it and what to do", async ({ page }) => {
  const d = DOWNLOADS.find((x) => x.name === '.dockerignore')!;
  await page.goto(d.page);
  await expect(page.locator(`a[download][href="${d.href}"]`).first().locator('..')).toContainText(
    'renómbralo a «.dockerignore», o descarga el ZIP de la lección',
  );
});

for (const name of ['Dockerfile', '.dockerignore', 'compose.yaml', 'contar_palabras.py', 'hadoop.env']) {
  test(`clicking «${name}» saves a file of that name with the lesson's bytes`, async ({ page, request }) => {
    const d = DOWNLOADS.find((x) => x.name === name)!;
    await page.goto(d.page);
    const link = page.locator(`a[download][href="${d.href}"]`).first();
    const [download] = await Promise.all([page.waitForEvent('download'), link.evaluate((a: HTMLElement) => a.click())]);
    expect(download.suggestedFilename()).toBe(SAVED_AS[name] ?? name);
    const saved = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
    expect(saved.equals(await (await request.get(d.href)).body())).toBe(true);
  });
}

test('a ZIP downloads under its name', async ({ page }) => {
  const d = DOWNLOADS.find((x) => x.name.endsWith('.zip'))!;
  await page.goto(d.page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .locator(`a[download][href="${d.href}"]`)
      .first()
      .evaluate((a: HTMLElement) => a.click()),
  ]);
  expect(download.suggestedFilename()).toBe(d.name);
});

test('a page without its trailing slash is redirected to it, and a missing page is the 404 page', async ({
  request,
}) => {
  const redirect = await request.get('/modulo-01/docker-engine', { maxRedirects: 0 });
  expect(redirect.status()).toBe(301);
  expect(redirect.headers()['location']).toBe('/modulo-01/docker-engine/');
  const missing = await request.get('/modulo-01/no-existe/');
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain('Página no encontrada');
});
