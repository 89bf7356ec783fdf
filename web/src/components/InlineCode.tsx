/** Rule docs mark code with backticks, as in Markdown; nothing else of Markdown is used there. */
export function InlineCode({ text }: { text: string }) {
  const parts: Array<{ start: number; text: string; code: boolean }> = [];
  let start = 0;
  text.split('`').forEach((part, i) => {
    parts.push({ start, text: part, code: i % 2 === 1 });
    start += part.length + 1;
  });
  return (
    <>
      {parts.map((part) =>
        part.code ? <code key={part.start}>{part.text}</code> : <span key={part.start}>{part.text}</span>,
      )}
    </>
  );
}
