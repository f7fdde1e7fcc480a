// One SVG for both themes: the light render of a diagram, with what differs in the dark render as CSS that applies
// only on screen in the dark theme. The two renders share their layout (the same text, the same Mermaid), so they
// differ in colours: in inline `style` attributes (the module's diagram classes) those become custom properties
// whose fallback is the light colour; in the <style> sheet the dark rules that differ are added, scoped to
// `:root[data-theme='dark']` inside `@media screen`, so that paper keeps the light colours.
import postcss, { type AtRule, type Declaration, type Document, type Node, type Rule } from 'postcss';
import { fromXml, STYLE_SHEET, toXml } from './svg-style-sheet.ts';

/** Colours as Mermaid and the diagram classes write them. */
const COLOUR = /#[0-9a-fA-F]{3,8}\b|(?:rgba?|hsla?)\([^)]*\)|\b(?:white|black|transparent|none)\b/g;
const NEO_GRADIENT = /<linearGradient id="[^"]*-gradient"[\s\S]*?<\/linearGradient>/g;

/** The rules of a sheet by a key of their at-rule context and selector, with their declarations in order. */
function rulesOf(css: string): Map<string, { rule: Rule; decls: Map<string, Declaration> }> {
  const rules = new Map<string, { rule: Rule; decls: Map<string, Declaration> }>();
  const occurrences = new Map<string, number>();
  // Mermaid's serialiser writes the sheet as XML text (`>` as `&gt;`); an HTML parser decodes it too, since an SVG's
  // <style> is foreign content.
  postcss.parse(fromXml(css)).walkRules((rule) => {
    const context: string[] = [];
    for (let parent: Node | Document | undefined = rule.parent; parent; parent = parent.parent) {
      if (parent.type === 'atrule') context.unshift(`@${(parent as AtRule).name} ${(parent as AtRule).params}`);
    }
    // Keyframe steps and the like are not themed: a rule inside an at-rule other than @media is left alone.
    if (context.some((at) => !at.startsWith('@media'))) return;
    const decls = new Map<string, Declaration>();
    rule.walkDecls((decl) => {
      decls.set(decl.prop, decl);
    });
    // A selector can come back later in the sheet: its n-th rule is matched with the other sheet's n-th.
    const key = `${context.join(' ')}\u0000${rule.selector}`;
    const seen = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, seen);
    rules.set(`${key}\u0000${seen}`, { rule, decls });
  });
  return rules;
}

/**
 * The dark sheet's differences from the light one, as rules that override it in the dark theme; undefined when the
 * dark sheet lacks a declaration that the light one has (no override could take it away).
 */
function darkOverrides(lightCss: string, darkCss: string): string[] | undefined {
  const light = rulesOf(lightCss);
  const overrides: string[] = [];
  for (const [key, { rule, decls }] of rulesOf(darkCss)) {
    const twin = light.get(key);
    const changed = [...decls.values()].filter((decl) => {
      // A reference to what only the dark render has (its «neo» gradient) is left out with it.
      if (/url\(#[^)]*-gradient\)/.test(decl.value)) return false;
      const before = twin?.decls.get(decl.prop);
      return !before || before.value !== decl.value || before.important !== decl.important;
    });
    if (twin && [...twin.decls.keys()].some((prop) => !decls.has(prop))) return undefined;
    if (changed.length === 0) continue;
    const selector = rule.selectors.map((s) => `:root[data-theme='dark'] ${s}`).join(',');
    // An override wins by specificity, and by !important where the light rule has it.
    const body = changed
      .map(
        (decl) =>
          `${decl.prop}:${decl.value}${decl.important || twin?.decls.get(decl.prop)?.important ? ' !important' : ''}`,
      )
      .join(';');
    const context = key.split('\u0000')[0];
    overrides.push(toXml(context ? `${context}{${selector}{${body}}}` : `${selector}{${body}}`));
  }
  return overrides;
}

/**
 * The light SVG themed for both, or undefined when the renders differ in more than colours (then both are
 * shipped). `lightId` and `darkId` are the id prefixes each render was namespaced with.
 */
export function themedSvg(light: string, dark: string, lightId: string, darkId: string): string | undefined {
  const darkSame = dark.replaceAll(darkId, lightId);
  const [lightSheet = '', darkSheet = ''] = [light, darkSame].map((svg) => STYLE_SHEET.exec(svg)?.[1]);
  const [lightBody, darkWhole] = [light, darkSame].map((svg) => svg.replace(STYLE_SHEET, '<style></style>'));
  // Mermaid's dark theme adds a gradient for its «neo» look, which the module's diagrams do not use.
  const darkBody = lightBody.includes('<linearGradient') ? darkWhole : darkWhole.replace(NEO_GRADIENT, '');
  if (lightBody.replace(COLOUR, '#') !== darkBody.replace(COLOUR, '#')) return undefined;
  const darkColours = darkBody.match(COLOUR) ?? [];

  // Inline styles: each colour that differs becomes var(--…, light colour). A presentation attribute (fill="…")
  // cannot take a custom property: a rule of no specificity (:where) gives the dark colour to the elements with
  // that attribute and value, which any rule of the sheet still overrides, as in the dark render. Elements whose
  // same attribute and value turn into different dark colours cannot be told apart: such renders are not merged.
  const properties = new Map<string, string>();
  const attributes = new Map<string, { attribute: string; dark: string }>();
  let index = 0;
  let merged = true;
  const tokens = new RegExp(`(\\sstyle=")([^"]*)(")|${COLOUR.source}`, 'g');
  const body = lightBody.replace(tokens, (match, open?: string, style?: string, close?: string, ...rest) => {
    if (open === undefined) {
      const darkColour = darkColours[index++];
      if (match === darkColour) return match;
      const offset = rest.find((value) => typeof value === 'number') as number;
      const attribute = /\s([\w:-]+)="$/.exec(lightBody.slice(Math.max(0, offset - 40), offset))?.[1];
      const key = `[${attribute}="${match}"]`;
      if (
        !attribute ||
        lightBody[offset + match.length] !== '"' ||
        (attributes.get(key)?.dark ?? darkColour) !== darkColour
      ) {
        merged = false;
      }
      attributes.set(key, { attribute: attribute!, dark: darkColour });
      return match;
    }
    const themed = style!.replace(COLOUR, (colour) => {
      const darkColour = darkColours[index++];
      if (colour === darkColour) return colour;
      const key = `${colour}|${darkColour}`;
      if (!properties.has(key)) properties.set(key, `--dark-${properties.size}`);
      return `var(${properties.get(key)}, ${colour})`;
    });
    return `${open}${themed}${close}`;
  });
  if (!merged) return undefined;

  const overrides = darkOverrides(lightSheet, darkSheet);
  if (!overrides) return undefined;
  const definitions = [...properties].map(([key, name]) => `${name}:${key.split('|')[1]}`).join(';');
  const rootId = /^<svg[^>]*\sid="([^"]+)"/.exec(light)?.[1];
  if ((definitions || attributes.size > 0) && !rootId) return undefined;
  const darkRules = [
    ...(definitions ? [`:root[data-theme='dark'] #${rootId}{${definitions}}`] : []),
    ...[...attributes].map(
      ([selector, { attribute, dark }]) =>
        `:where(:root[data-theme='dark'] #${rootId} ${selector}){${attribute}:${dark}}`,
    ),
    ...overrides,
  ];
  const sheet = darkRules.length > 0 ? `${lightSheet}@media screen{${darkRules.join('')}}` : lightSheet;
  return body.replace('<style></style>', `<style>${sheet}</style>`);
}
