// The module's visual language: one colour pair per kind of thing, for every diagram, in each theme.
// A lesson names the kind of a node with a class (`C1:::contenedor`, or `class C1,C2 contenedor`); the classes are
// defined here once and appended to each diagram at render time, by the build and by the live editor alike.
// The shape that goes with each kind is a convention of CONTRIBUTING.md («Diagramas»).
import type { Theme } from './mermaid-config.ts';

interface Colours {
  fill: string;
  stroke: string;
}

/** Light and dark fill and stroke per kind; the text is near-black on light fills and near-white on dark ones. */
export const DIAGRAM_KINDS: Record<string, { light: Colours; dark: Colours; what: string }> = {
  hardware: {
    what: 'hardware, máquina física',
    light: { fill: '#e5e7eb', stroke: '#4b5563' },
    dark: { fill: '#374151', stroke: '#9ca3af' },
  },
  so: {
    what: 'sistema operativo, kernel',
    light: { fill: '#ede9fe', stroke: '#6d28d9' },
    dark: { fill: '#3b2a63', stroke: '#a78bfa' },
  },
  motor: {
    what: 'lo que ejecuta VMs o contenedores: hipervisor, Docker Engine, dockerd, containerd, runc',
    light: { fill: '#dbeafe', stroke: '#1d4ed8' },
    dark: { fill: '#1e3a5f', stroke: '#60a5fa' },
  },
  vm: {
    what: 'máquina virtual',
    light: { fill: '#ffedd5', stroke: '#c2410c' },
    dark: { fill: '#5a2e12', stroke: '#fb923c' },
  },
  contenedor: {
    what: 'contenedor, aplicación aislada',
    light: { fill: '#d1fae5', stroke: '#047857' },
    dark: { fill: '#064e3b', stroke: '#34d399' },
  },
  imagen: {
    what: 'imagen, manifiesto, configuración',
    light: { fill: '#fce7f3', stroke: '#be185d' },
    dark: { fill: '#5b1a3c', stroke: '#f472b6' },
  },
  capa: {
    what: 'capa de una imagen o de un contenedor',
    light: { fill: '#fdf2f8', stroke: '#db2777' },
    dark: { fill: '#3f1430', stroke: '#f9a8d4' },
  },
  volumen: {
    what: 'volumen, bind mount, tmpfs: donde se guardan los datos',
    light: { fill: '#fef3c7', stroke: '#b45309' },
    dark: { fill: '#4d3508', stroke: '#fbbf24' },
  },
  red: {
    what: 'red, puerto publicado',
    light: { fill: '#cffafe', stroke: '#0e7490' },
    dark: { fill: '#0b4250', stroke: '#22d3ee' },
  },
  registro: {
    what: 'registro de imágenes (Docker Hub)',
    light: { fill: '#e0e7ff', stroke: '#4338ca' },
    dark: { fill: '#2e2f6b', stroke: '#818cf8' },
  },
  servicio: {
    what: 'servicio de Compose',
    light: { fill: '#ecfccb', stroke: '#4d7c0f' },
    dark: { fill: '#2f4a0c', stroke: '#a3e635' },
  },
  spark: {
    what: 'proceso de Spark: master, worker, driver, ejecutor',
    light: { fill: '#fee2e2', stroke: '#b91c1c' },
    dark: { fill: '#5c1a1a', stroke: '#f87171' },
  },
  cliente: {
    what: 'quien pide: tú, el cliente docker, el navegador',
    light: { fill: '#ffffff', stroke: '#6b7280' },
    dark: { fill: '#111827', stroke: '#9ca3af' },
  },
};

const TEXT: Record<Theme, string> = { light: '#111827', dark: '#f3f4f6' };

/** Diagram types whose syntax has `classDef`. */
const WITH_CLASSES = /^(flowchart|graph|block(-beta)?|stateDiagram(-v2)?)\b/;

/** The first statement of a Mermaid source: after front matter, `%%` directives and comments. */
export function diagramType(source: string): string {
  const body = source.replace(/^\s*---\n[\s\S]*?\n---\n/, '');
  for (const line of body.split('\n')) {
    const trimmed = line.trim();
    if (trimmed && !trimmed.startsWith('%%')) return trimmed;
  }
  return '';
}

/**
 * The source with the module's classes that it names appended, for the diagram types that have classes. Mermaid
 * writes three CSS rules for each class defined, used or not: a word of the source that is a kind's name (`:::red`,
 * `class A red`, or a label's word) defines it.
 */
export function withDiagramClasses(source: string, theme: Theme): string {
  if (!WITH_CLASSES.test(diagramType(source))) return source;
  const named = Object.entries(DIAGRAM_KINDS).filter(([name]) => new RegExp(`\\b${name}\\b`).test(source));
  if (named.length === 0) return source;
  const defs = named.map(
    ([name, kind]) =>
      `  classDef ${name} fill:${kind[theme].fill},stroke:${kind[theme].stroke},color:${TEXT[theme]},stroke-width:1.5px`,
  );
  return `${source.trimEnd()}\n${defs.join('\n')}\n`;
}
