/** True for empty or whitespace-only text; stops at the first visible character, so it is cheap on huge input. */
export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}
