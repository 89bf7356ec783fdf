declare const redactedBrand: unique symbol;

/**
 * Text that has passed through the redaction engine. Only `redaction/` creates it; the permalink
 * encoder and the prompt builder accept nothing else, so raw user text cannot reach them by mistake.
 */
export type RedactedText = string & { readonly [redactedBrand]: true };

/** For the redaction engine only. */
export function markRedacted(text: string): RedactedText {
  return text as RedactedText;
}
