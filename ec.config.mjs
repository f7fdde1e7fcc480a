// Expressive Code (Starlight's Shiki-based code blocks) configuration: plugins live here so they can be serialised.
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginPhoneCode } from './src/plugins/ec-phone-code.ts';
import { pluginShellSession } from './src/plugins/ec-shell-session.ts';

export default defineEcConfig({
  plugins: [pluginShellSession(), pluginPhoneCode()],
});
