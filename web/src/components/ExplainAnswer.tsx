import Markdown, { type Components } from 'react-markdown';

/**
 * A model's answer as Markdown, with no raw HTML (skipped, never parsed) and no images: an image would
 * be a request to whatever origin the model wrote, so its alt text and address are shown as text.
 * Links open in a new tab without a referrer; react-markdown's default URL filter drops
 * `javascript:` and other unsafe schemes.
 */
const COMPONENTS: Components = {
  img: ({ alt, src }) => (
    <span className="md-image">
      [image{alt ? `: ${alt}` : ''}]{typeof src === 'string' && src !== '' ? ` (${src})` : ''}
    </span>
  ),
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
};

export function ExplainAnswer({ text }: { text: string }) {
  return (
    <div className="explain__markdown">
      <Markdown skipHtml components={COMPONENTS}>
        {text}
      </Markdown>
    </div>
  );
}
