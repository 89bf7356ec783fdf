import { useState } from 'react';
import type { ChatMessage } from '../../../prompts/explain';
import { requestBody } from '../llm/client';
import { cancelConsent, confirmSend } from '../llm/run';
import { useAppStore } from '../store';

/** Exactly what the next request sends, and where; nothing leaves the page until "Send". */
export function ExplainConsent({ messages }: { messages: ChatMessage[] }) {
  const settings = useAppStore((s) => s.llmSettings);
  const setSettings = useAppStore((s) => s.setLlmSettings);
  const [dontAsk, setDontAsk] = useState(false);
  const body = JSON.stringify(requestBody(settings.model, messages), null, 2);
  const url = `${settings.baseURL.trim().replace(/\/+$/, '')}/chat/completions`;

  const send = () => {
    if (dontAsk) setSettings({ askBeforeSending: false });
    confirmSend();
  };

  return (
    <section className="explain__consent" aria-labelledby="consent-heading">
      <h4 id="consent-heading">This is what will be sent</h4>
      <p>
        <code>POST {url}</code>. The key goes in the <code>Authorization</code> header only. Values shown as{' '}
        <code>REDACTED_…</code> stay hidden: the model never sees them.
      </p>
      <textarea
        className="input explain__payload"
        aria-label="Request body"
        readOnly
        rows={14}
        spellCheck={false}
        value={body}
      />
      <label className="explain__check">
        <input type="checkbox" checked={dontAsk} onChange={(e) => setDontAsk(e.target.checked)} /> Don’t ask
        again (you can turn this back on in the settings)
      </label>
      <div className="toolbar">
        <button type="button" className="button button--primary" onClick={send}>
          Send
        </button>
        <button type="button" className="button" onClick={cancelConsent}>
          Cancel
        </button>
      </div>
    </section>
  );
}
