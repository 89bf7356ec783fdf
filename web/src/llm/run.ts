import { buildExplainMessages, buildFollowUpMessages, type ChatMessage } from '../../../prompts/explain';
import { useAppStore } from '../store';
import { reachable, streamChat } from './client';
import { explainInputOf } from './context';
import { classifyConnection, classifyHttp, type RequestContext, streamCut } from './errors';
import { checkEndpoint, providerOf } from './providers';
import { redactQuestion } from './question';

/** The request in flight: Stop aborts it. */
let inFlight: AbortController | null = null;

/** Starts a thread: the first explanation request (after the consent step when it is on). */
export function startExplanation(): void {
  const state = useAppStore.getState();
  const input = explainInputOf(state);
  if (!input) return;
  state.clearLlmThread();
  propose(buildExplainMessages(input));
}

/** A follow-up in the same thread; the question is redacted like the config. */
export function askFollowUp(question: string): void {
  const state = useAppStore.getState();
  if (question.trim() === '' || state.llmThread.length === 0) return;
  propose(buildFollowUpMessages(state.llmThread, redactQuestion(question.trim(), state)));
}

function propose(messages: ChatMessage[]): void {
  const state = useAppStore.getState();
  if (state.llmSettings.askBeforeSending) state.setLlmTurn({ status: 'consent', messages });
  else void send(messages);
}

/** Sends what the consent step showed, or the last request again (Retry). */
export function confirmSend(): void {
  const turn = useAppStore.getState().llmTurn;
  if (turn.status === 'consent' || turn.status === 'failed' || turn.status === 'stopped')
    void send(turn.messages);
}

export function cancelConsent(): void {
  const state = useAppStore.getState();
  if (state.llmTurn.status === 'consent') state.setLlmTurn({ status: 'idle' });
}

export function stop(): void {
  inFlight?.abort();
}

/** Tells a CSP refusal apart: the browser fires `securitypolicyviolation` for a blocked connect-src. */
function watchCsp(origin: string): () => boolean {
  let blocked = false;
  const listener = (event: SecurityPolicyViolationEvent) => {
    if (event.effectiveDirective === 'connect-src' && event.blockedURI.startsWith(origin)) blocked = true;
  };
  document.addEventListener('securitypolicyviolation', listener);
  return () => {
    document.removeEventListener('securitypolicyviolation', listener);
    return blocked;
  };
}

async function send(messages: ChatMessage[]): Promise<void> {
  const state = useAppStore.getState();
  const { baseURL, model, provider } = state.llmSettings;
  const endpoint = checkEndpoint(baseURL);
  if (!endpoint.ok) return;
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const context: RequestContext = { model, endpoint: baseURL.trim(), key: state.llmKey };
  state.setLlmTurn({ status: 'streaming', messages, partial: '' });
  const cspBlocked = watchCsp(endpoint.origin);
  const outcome = await streamChat({
    baseURL: baseURL.trim(),
    apiKey: state.llmKey,
    model,
    messages,
    signal: controller.signal,
    onDelta: (text) => {
      if (inFlight === controller) useAppStore.getState().appendLlmDelta(text);
    },
  });
  // The event is dispatched after the fetch fails: let it arrive.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const blocked = cspBlocked();
  if (inFlight !== controller) return;
  inFlight = null;
  const now = useAppStore.getState();
  const partial = now.llmTurn.status === 'streaming' ? now.llmTurn.partial : '';
  switch (outcome.kind) {
    case 'finished':
      now.finishLlmTurn();
      return;
    case 'aborted':
      now.setLlmTurn({ status: 'stopped', messages, partial });
      return;
    case 'cut':
      now.setLlmTurn({ status: 'failed', messages, partial, error: streamCut(context) });
      return;
    case 'http':
      now.setLlmTurn({ status: 'failed', messages, partial, error: classifyHttp(outcome, context) });
      return;
    case 'connection': {
      const up = blocked ? false : await reachable(endpoint.origin);
      const error = classifyConnection(
        {
          reachable: up,
          blockedByCsp: blocked,
          pageOrigin: location.origin,
          corsHelp: providerOf(provider).corsHelp,
        },
        context,
      );
      useAppStore.getState().setLlmTurn({ status: 'failed', messages, partial, error });
      return;
    }
  }
}
