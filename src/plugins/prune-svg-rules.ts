// Takes out of a rendered SVG's sheet the rules that match nothing in it: Mermaid writes the rules of every shape,
// look and state of a diagram type into each SVG (tooltips, the «neo» look, clickable nodes…), about half the sheet.
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import postcss from 'postcss';
import { fromXml, STYLE_SHEET, toXml } from './svg-style-sheet.ts';

/** Whether a selector matches an element of the tree; a selector the matcher cannot read counts as matching. */
function matchesSomething(selector: string, tree: Root): boolean {
  try {
    return selectAll(selector, tree).length > 0;
  } catch {
    return true;
  }
}

export function pruneSvgRules(svg: string): string {
  const sheet = STYLE_SHEET.exec(svg)?.[1];
  if (!sheet) return svg;
  const tree = fromHtml(svg, { fragment: true });
  const css = postcss.parse(fromXml(sheet));
  css.walkRules((rule) => {
    // Keyframe steps are not selectors.
    if (rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as postcss.AtRule).name)) return;
    const used = rule.selectors.filter((selector) => matchesSomething(selector, tree));
    if (used.length === 0) rule.remove();
    else if (used.length < rule.selectors.length) rule.selectors = used;
  });
  return svg.replace(STYLE_SHEET, () => `<style>${toXml(css.toString())}</style>`);
}
