// Takes out of a rendered SVG the <symbol> definitions that nothing in it uses: Mermaid's sequence diagrams carry
// the drawings of a computer, a database and a clock (about 14 kB) whether or not an actor is drawn as one.
const SYMBOL = /<symbol\b[^>]*\bid="([^"]+)"[^>]*>[\s\S]*?<\/symbol>/g;

export function dropUnusedSymbols(svg: string): string {
  return svg.replace(SYMBOL, (symbol, id: string) => {
    const rest = svg.replace(symbol, '');
    return rest.includes(`#${id}"`) || rest.includes(`#${id})`) ? symbol : '';
  });
}
