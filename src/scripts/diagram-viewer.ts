// Enables the «Ampliar» (full-screen pan and zoom) and «Editar» (live Mermaid editor) actions of diagram figures.
import Panzoom from '@panzoom/panzoom';
import { renderableSource } from '../plugins/diagram-source.ts';
import { MERMAID_CONFIG } from '../plugins/mermaid-config.ts';

const TEXT = {
  zoomIn: 'Acercar',
  zoomOut: 'Alejar',
  reset: 'Restablecer',
  close: 'Cerrar',
  copy: 'Copiar código',
  copied: 'Código copiado',
  source: 'Código Mermaid',
  preview: 'Vista previa',
  loading: 'Cargando Mermaid…',
  zoomHelp: 'Rueda o pellizco para acercar, arrastra para mover; teclas + − 0 y flechas.',
  editHelp: 'Edita el código: la vista previa se actualiza al escribir.',
  errorAt: (line: string) =>
    `El código tiene un error en la línea ${line}; la vista previa muestra la última versión válida.`,
  error: 'El código tiene un error; la vista previa muestra la última versión válida.',
};

/** A short Spanish message for a Mermaid error, naming the line where Mermaid reports one. */
function errorMessage(error: unknown): string {
  const line = /\bline (\d+)/.exec(error instanceof Error ? error.message : String(error))?.[1];
  return line ? TEXT.errorAt(line) : TEXT.error;
}

const isDark = () => document.documentElement.dataset.theme === 'dark';
// One SVG themed for both (the usual case), or a render per theme.
const visibleSvg = (figure: HTMLElement) =>
  figure.querySelector<SVGSVGElement>('[data-render="both"] svg') ??
  figure.querySelector<SVGSVGElement>(`.diagram__render--${isDark() ? 'dark' : 'light'} svg`);
const captionOf = (figure: HTMLElement) => figure.querySelector('figcaption')?.textContent?.trim() ?? '';

function button(label: string, onClick: () => void, extra: Partial<HTMLButtonElement> = {}) {
  const b = Object.assign(document.createElement('button'), { type: 'button', textContent: label, ...extra });
  b.addEventListener('click', onClick);
  return b;
}

function dialog(className: string, title: string, help: string) {
  const d = document.createElement('dialog');
  d.className = `diagram-dialog ${className}`;
  const heading = Object.assign(document.createElement('h2'), {
    className: 'diagram-dialog__title',
    textContent: title,
  });
  heading.id = `${className}-title`;
  const helpText = Object.assign(document.createElement('p'), { className: 'diagram-dialog__help', textContent: help });
  d.setAttribute('aria-labelledby', heading.id);
  const toolbar = Object.assign(document.createElement('div'), { className: 'diagram-dialog__toolbar' });
  const header = Object.assign(document.createElement('div'), { className: 'diagram-dialog__header' });
  header.append(heading, toolbar);
  d.append(header, helpText);
  d.addEventListener('close', () => d.remove());
  document.body.append(d);
  return { d, toolbar };
}

function openZoom(figure: HTMLElement) {
  const svg = visibleSvg(figure);
  if (!svg) return;
  const { d, toolbar } = dialog('diagram-zoom', captionOf(figure), TEXT.zoomHelp);
  const viewport = Object.assign(document.createElement('div'), { className: 'diagram-zoom__viewport', tabIndex: 0 });
  viewport.setAttribute('role', 'application');
  viewport.setAttribute('aria-label', `${captionOf(figure)}. ${TEXT.zoomHelp}`);
  const stage = Object.assign(document.createElement('div'), { className: 'diagram-zoom__stage' });
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.removeAttribute('style');
  clone.setAttribute('width', '100%');
  clone.setAttribute('height', '100%');
  stage.append(clone);
  viewport.append(stage);
  d.append(viewport);
  const panzoom = Panzoom(stage, { maxScale: 10, minScale: 0.5, step: 0.3, canvas: true });
  viewport.addEventListener('wheel', (event) => panzoom.zoomWithWheel(event));
  const pan = (x: number, y: number) => panzoom.pan(x / panzoom.getScale(), y / panzoom.getScale(), { relative: true });
  viewport.addEventListener('keydown', (event) => {
    const actions: Record<string, () => void> = {
      '+': () => panzoom.zoomIn(),
      '=': () => panzoom.zoomIn(),
      '-': () => panzoom.zoomOut(),
      '0': () => panzoom.reset(),
      ArrowLeft: () => pan(60, 0),
      ArrowRight: () => pan(-60, 0),
      ArrowUp: () => pan(0, 60),
      ArrowDown: () => pan(0, -60),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
  toolbar.append(
    button(TEXT.zoomIn, () => panzoom.zoomIn()),
    button(TEXT.zoomOut, () => panzoom.zoomOut()),
    button(TEXT.reset, () => panzoom.reset()),
    button(TEXT.close, () => d.close(), { className: 'diagram-dialog__close' }),
  );
  d.showModal();
  viewport.focus();
}

let mermaidModule: Promise<typeof import('mermaid').default> | undefined;
let renders = 0;

function openEditor(figure: HTMLElement) {
  const original = figure.dataset.source ?? '';
  const { d, toolbar } = dialog('diagram-editor', captionOf(figure), TEXT.editHelp);
  const body = Object.assign(document.createElement('div'), { className: 'diagram-editor__body' });
  const label = Object.assign(document.createElement('label'), {
    textContent: TEXT.source,
    htmlFor: 'diagram-editor-source',
  });
  const textarea = Object.assign(document.createElement('textarea'), {
    id: 'diagram-editor-source',
    value: original,
    spellcheck: false,
  });
  const preview = Object.assign(document.createElement('div'), { className: 'diagram-editor__preview' });
  preview.setAttribute('role', 'region');
  preview.setAttribute('aria-label', TEXT.preview);
  const status = Object.assign(document.createElement('p'), {
    className: 'diagram-editor__status',
    textContent: TEXT.loading,
  });
  status.setAttribute('role', 'status');
  const sourceColumn = document.createElement('div');
  sourceColumn.append(label, textarea);
  const previewColumn = document.createElement('div');
  previewColumn.append(preview, status);
  body.append(sourceColumn, previewColumn);
  d.append(body);

  const render = async () => {
    // Mermaid is loaded from this site, and only now: no page load pays for it.
    mermaidModule ??= import('mermaid').then(({ default: mermaid }) => mermaid);
    const mermaid = await mermaidModule;
    const theme = isDark() ? 'dark' : 'light';
    mermaid.initialize({ startOnLoad: false, ...MERMAID_CONFIG[theme] });
    const id = `diagram-editor-render-${++renders}`;
    const source = renderableSource(textarea.value, theme);
    try {
      await mermaid.parse(source);
      const { svg } = await mermaid.render(id, source);
      preview.innerHTML = svg;
      preview.classList.remove('is-stale');
      status.textContent = '';
      status.classList.remove('is-error');
    } catch (error) {
      // The last good drawing stays, dimmed, so that the preview keeps its size while the reader types.
      document.getElementById(`d${id}`)?.remove();
      preview.classList.add('is-stale');
      status.textContent = errorMessage(error);
      status.classList.add('is-error');
    }
  };
  let timer: number | undefined;
  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(render, 250);
  });
  toolbar.append(
    button(TEXT.reset, () => {
      textarea.value = original;
      void render();
    }),
    button(TEXT.copy, () => {
      void navigator.clipboard.writeText(textarea.value).then(() => (status.textContent = TEXT.copied));
    }),
    button(TEXT.close, () => d.close(), { className: 'diagram-dialog__close' }),
  );
  d.showModal();
  textarea.focus();
  void render();
}

for (const figure of document.querySelectorAll<HTMLElement>('figure[data-diagram]')) {
  figure.querySelector<HTMLElement>('.diagram__actions')?.removeAttribute('hidden');
  figure.querySelector('[data-diagram-zoom]')?.addEventListener('click', () => openZoom(figure));
  figure.querySelector('[data-diagram-edit]')?.addEventListener('click', () => openEditor(figure));
}
