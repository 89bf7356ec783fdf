import { type FormEvent, useId, useState } from 'react';
import type { ChatMessage } from '../../../prompts/explain';
import { isBlank } from '../lib/text';
import { explainInputOf } from '../llm/context';
import { checkEndpoint, providerOf } from '../llm/providers';
import { askFollowUp, confirmSend, startExplanation, stop } from '../llm/run';
import { allowedOrigin, setReopenMark } from '../llm/settings';
import { useAppStore } from '../store';
import { ExplainAnswer } from './ExplainAnswer';
import { ExplainConsent } from './ExplainConsent';
import { LlmSettings } from './LlmSettings';
import '../llm/explain.css';

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <>
      <button type="button" className="button button--small" onClick={copy}>
        Copy
      </button>
      <span className="explain__status" role="status">
        {copied === 'copied' ? 'Copied.' : copied === 'failed' ? 'The browser refused the clipboard.' : ''}
      </span>
    </>
  );
}

/** The person's questions and the model's answers, after the first request (which the consent step shows). */
function Thread({ thread }: { thread: ChatMessage[] }) {
  return (
    <>
      {thread.slice(2).map((message, index) =>
        message.role === 'assistant' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the thread only grows at its end
          <article key={index} className="explain__answer" aria-label="Answer">
            <ExplainAnswer text={message.content} />
            <div className="toolbar">
              <CopyButton text={message.content} />
            </div>
          </article>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the thread only grows at its end
          <p key={index} className="explain__question">
            <strong>You asked:</strong> {message.content}
          </p>
        ),
      )}
    </>
  );
}

/** What stands between the settings and a request, in words; null when it can be sent. */
function blocker(state: {
  baseURL: string;
  model: string;
  key: string;
  keyRequired: boolean;
}): { message: string; allow?: string } | null {
  const endpoint = checkEndpoint(state.baseURL);
  if (!endpoint.ok) return { message: endpoint.message };
  const allowed = allowedOrigin();
  if (allowed !== null && allowed !== endpoint.origin) {
    return {
      message: `The page may only connect to the endpoint you allow. Allow ${endpoint.origin}: reloads the page; your text is kept.`,
      allow: endpoint.origin,
    };
  }
  if (state.model.trim() === '') return { message: 'Enter the model name.' };
  if (state.keyRequired && state.key === '') return { message: 'Enter your API key.' };
  return null;
}

export default function ExplainPanel() {
  const settings = useAppStore((s) => s.llmSettings);
  const key = useAppStore((s) => s.llmKey);
  const thread = useAppStore((s) => s.llmThread);
  const turn = useAppStore((s) => s.llmTurn);
  // Through the one function that decides what a prompt carries: no input, nothing to explain.
  const hasResult = useAppStore((s) => !isBlank(s.text) && explainInputOf(s) !== null);
  const [question, setQuestion] = useState('');
  const id = useId();
  const stopReason = blocker({
    baseURL: settings.baseURL,
    model: settings.model,
    key,
    keyRequired: providerOf(settings.provider).keyRequired,
  });
  const busy = turn.status === 'streaming' || turn.status === 'consent';
  const pending = turn.status === 'streaming' || turn.status === 'stopped' || turn.status === 'failed';
  const pendingQuestion =
    pending && turn.messages.length > 2 ? turn.messages[turn.messages.length - 1]?.content : undefined;

  const allow = () => {
    setReopenMark();
    location.reload();
  };

  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (question.trim() === '') return;
    askFollowUp(question);
    setQuestion('');
  };

  return (
    <section className="explain" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="section-title">
        Explain with your own LLM key
      </h3>
      <p className="hint">
        A language model explains the findings in your context and answers follow-up questions. Only the
        redacted config (as in a share link; every open tab), its format, the environment and the findings are
        sent, to the endpoint you choose, and only when you ask.
      </p>
      <LlmSettings />
      {stopReason && (
        <p className="explain__blocker" data-testid="explain-blocker">
          {stopReason.message}{' '}
          {stopReason.allow && (
            <button type="button" className="button button--primary" onClick={allow}>
              Allow {stopReason.allow}
            </button>
          )}
        </p>
      )}
      <div className="toolbar">
        <button
          type="button"
          className="button button--primary"
          disabled={!hasResult || stopReason !== null || busy}
          onClick={startExplanation}
        >
          {thread.length > 0 ? 'Explain again' : 'Explain the findings'}
        </button>
        {!hasResult && <span className="hint">Paste or open a config first.</span>}
      </div>
      {turn.status === 'consent' && <ExplainConsent messages={turn.messages} />}
      <Thread thread={thread} />
      {pendingQuestion !== undefined && (
        <p className="explain__question">
          <strong>You asked:</strong> {pendingQuestion}
        </p>
      )}
      {pending && (
        <article className="explain__answer" aria-label="Answer" aria-busy={turn.status === 'streaming'}>
          {turn.partial !== '' && <ExplainAnswer text={turn.partial} />}
          {turn.status === 'failed' && (
            <div className="explain__error" role="alert" data-error={turn.error.kind}>
              <strong>{turn.error.title}</strong> {turn.error.detail}
            </div>
          )}
          {turn.status === 'stopped' && (
            <p className="explain__status" role="status">
              Stopped. What arrived is kept.
            </p>
          )}
          <div className="toolbar">
            {turn.status === 'streaming' ? (
              <>
                <span className="explain__status" role="status">
                  Answering…
                </span>
                <button type="button" className="button" onClick={stop}>
                  Stop
                </button>
              </>
            ) : (
              <button type="button" className="button" onClick={confirmSend} disabled={stopReason !== null}>
                Retry
              </button>
            )}
            {turn.partial !== '' && turn.status !== 'streaming' && <CopyButton text={turn.partial} />}
          </div>
        </article>
      )}
      {thread.length > 0 && (
        <form className="explain__follow-up" onSubmit={ask}>
          <label htmlFor={`${id}-question`}>Ask a follow-up question</label>
          <textarea
            id={`${id}-question`}
            className="input"
            rows={3}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
          />
          <button
            type="submit"
            className="button"
            disabled={busy || question.trim() === '' || stopReason !== null}
          >
            Ask
          </button>
        </form>
      )}
    </section>
  );
}
