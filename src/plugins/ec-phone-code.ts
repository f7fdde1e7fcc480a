// Expressive Code plugin for code on a phone: lines wrap instead of running under the copy button, except a shell
// session's output (a `docker ps` table reads only unwrapped), which scrolls inside a frame that shows it scrolls.
import { definePlugin } from '@expressive-code/core';

export function pluginPhoneCode() {
  return definePlugin({
    name: 'phone-code',
    baseStyles: `
      @media (max-width: 50rem) {
        /* A line wraps at the visible width of the block (100cqi of the pre), not at that of its widest line: an
           unwrapped output line would otherwise widen every line and push commands under the button. */
        .frame pre {
          container-type: inline-size;
        }
        .ec-line:not(.is-output) {
          max-width: 100cqi;
        }
        .ec-line:not(.is-output) .code {
          white-space: pre-wrap;
          overflow-wrap: anywhere;
        }
        /* The copy button as small as with a mouse (still a 32 px target), so that the first line's end
           padding, which Expressive Code sizes for that button, keeps it clear of the text. */
        .copy button {
          width: 2rem;
          height: 2rem;
        }
        /* The shadow at an edge with more to show: covers in the code's colour scroll with the text and hide
           the shadows once there is nothing more to see on that side. */
        .frame pre {
          /* Mid grey reads on light and on dark code. */
          --scroll-cue: rgb(128 128 128 / 0.55);
          background:
            linear-gradient(to right, var(--code-background) 40%, transparent) left / 2.5rem 100% no-repeat local,
            linear-gradient(to left, var(--code-background) 40%, transparent) right / 2.5rem 100% no-repeat local,
            radial-gradient(farthest-side at 0 50%, var(--scroll-cue), transparent) left / 1rem 100% no-repeat scroll,
            radial-gradient(farthest-side at 100% 50%, var(--scroll-cue), transparent) right / 1rem 100% no-repeat scroll,
            var(--code-background);
        }
      }
    `,
  });
}
