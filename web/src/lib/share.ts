import type { DecodeResult, ShareState } from '../../../engine/index';

/**
 * The page's only way to build or read a share link. The permalink code loads on first use, so the
 * first paint does not wait for it. `ShareState.text` is `RedactedText`: only the engine's redacted
 * output type-checks here, never the editor's text (and `web/` may not cast to it: see
 * web/redacted-text.test.ts).
 */

export type ShareLinkResult = { ok: true; url: string } | { ok: false; message: string };

/** The full URL of this page with the state in its fragment (never in the path or the query). */
export async function makeShareLink(state: ShareState): Promise<ShareLinkResult> {
  let permalink: typeof import('../../../engine/permalink');
  try {
    permalink = await import('../../../engine/permalink');
  } catch {
    return { ok: false, message: 'Could not load the link maker. Reload the page and try again.' };
  }
  try {
    const fragment = await permalink.encodePermalink(state);
    return { ok: true, url: `${location.origin}${location.pathname}${fragment}` };
  } catch (error) {
    if (error instanceof permalink.PermalinkTooLongError) return { ok: false, message: error.message };
    return {
      ok: false,
      message: `Could not make the link (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
}

/** Reads a fragment; never throws. */
export async function readShareLink(fragment: string): Promise<DecodeResult> {
  try {
    const { decodePermalink } = await import('../../../engine/permalink');
    return await decodePermalink(fragment);
  } catch {
    return { ok: false, message: 'Could not load the link reader. Reload the page to open this link.' };
  }
}
