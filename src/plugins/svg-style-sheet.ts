// The <style> sheet that Mermaid writes into each SVG, as XML text (`>` as `&gt;`; an HTML parser decodes it too,
// since an SVG's <style> is foreign content): where it is, and its text as CSS and back.
export const STYLE_SHEET = /<style>([\s\S]*?)<\/style>/;

const ENTITIES: Record<string, string> = { gt: '>', lt: '<', quot: '"', apos: "'", amp: '&' };
export const fromXml = (text: string) => text.replace(/&(gt|lt|quot|apos|amp);/g, (_, name: string) => ENTITIES[name]);
export const toXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
