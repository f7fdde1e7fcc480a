// The Mermaid configuration of each theme's render, shared by the build-time renderer and the in-page editor.
import type { MermaidConfig } from 'mermaid';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Mermaid configuration per render. The dark theme's label backgrounds are too light for its light text
 * (axe: contrast below 4.5:1), so they are darkened to Starlight's dark surfaces.
 */
export const MERMAID_CONFIG: Record<Theme, MermaidConfig> = {
  light: { theme: 'default', securityLevel: 'strict' },
  dark: {
    theme: 'dark',
    securityLevel: 'strict',
    themeVariables: {
      edgeLabelBackground: '#23262f',
      clusterBkg: '#1d2028',
      clusterBorder: '#9097a3',
      titleColor: '#f2f3f5',
      textColor: '#e6e8eb',
      lineColor: '#c5cad3',
    },
  },
};
