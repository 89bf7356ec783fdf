/**
 * A small OpenAI-compatible Chat Completions server for the browser tests of "Explain with your own LLM
 * key": loopback only, a random port, `stream: true` answers as server-sent events, CORS with preflight
 * (the page's origin differs), and every request recorded (method, path, headers, body). The model name
 * picks the behaviour, so each test chooses its case without any control request:
 *
 * - `normal` (or anything else): a short streamed answer ending with finish_reason and [DONE]
 * - `slow`: one chunk every 100 ms for a minute (for Stop; `closedEarly` tells the connection was cut)
 * - `markdown`: an answer with raw HTML and an image pointing at another origin
 * - `e401` (echoes the key masked, as OpenAI does), `e403`, `e404`, `e429` (Retry-After: 17)
 * - `cut`: two chunks, then the connection is destroyed (no finish_reason, no [DONE])
 * - `nocors`: answers without any CORS header, so the browser refuses it
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedLlmRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface OpenAITestServer {
  origin: string;
  baseURL: string;
  requests: RecordedLlmRequest[];
  /** Requests whose connection the client closed before the answer ended. */
  closedEarly: number;
  /** The request bodies of completed POSTs, parsed. */
  chatBodies(): Array<{ model: string; messages: Array<{ role: string; content: string }>; stream: boolean }>;
  close(): Promise<void>;
}

export const NORMAL_ANSWER = [
  '## What happens\n\n',
  'After a **failover** the pool ',
  'hands out dead connections.\n',
];
export const MARKDOWN_ANSWER =
  'Here is <b>bold html</b> and <img src="http://127.0.0.2:9/evil.png" alt="raw-img"> and <script>window.__llmXss=1</script>\n\n' +
  '![diagram of the failover](http://127.0.0.2:9/diagram.png)\n\nSee [the docs](https://www.postgresql.org/docs/current/libpq-connect.html).\n';

function chunk(model: string, content: string | null, finish: string | null): string {
  const delta = content === null ? {} : { content };
  return `data: ${JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  })}\n\n`;
}

function maskedKey(authorization: string | undefined): string {
  const key = (authorization ?? '').replace(/^Bearer\s+/i, '');
  return key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}` : '****';
}

export async function startOpenAITestServer(): Promise<OpenAITestServer> {
  const requests: RecordedLlmRequest[] = [];
  const state = { closedEarly: 0 };

  const cors = (request: IncomingMessage, response: ServerResponse, model: string) => {
    if (model === 'nocors') return;
    response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
    response.setHeader('Vary', 'Origin');
    response.setHeader('Access-Control-Expose-Headers', 'retry-after, x-request-id');
  };

  const error = (
    response: ServerResponse,
    status: number,
    message: string,
    extra: Record<string, string> = {},
  ) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...extra });
    response.end(JSON.stringify({ error: { message, type: 'invalid_request_error', code: null } }));
  };

  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (data: string) => {
      body += data;
    });
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: { ...request.headers },
        body,
      });
      if (request.method === 'OPTIONS') {
        // The preflight: which model is asked is not known yet, so it always passes; `nocors` fails on the answer.
        response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
        response.setHeader('Access-Control-Allow-Methods', 'POST, GET, OPTIONS');
        response.setHeader(
          'Access-Control-Allow-Headers',
          request.headers['access-control-request-headers'] ?? 'authorization, content-type',
        );
        response.setHeader('Access-Control-Max-Age', '0');
        response.writeHead(204).end();
        return;
      }
      if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
        response.writeHead(200, { 'Content-Type': 'text/plain' }).end('openai test server');
        return;
      }
      let model = 'normal';
      try {
        model = String(JSON.parse(body).model);
      } catch {
        error(response, 400, 'invalid JSON');
        return;
      }
      cors(request, response, model);
      switch (model) {
        case 'e401':
          error(
            response,
            401,
            `Incorrect API key provided: ${maskedKey(request.headers.authorization)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
          );
          return;
        case 'e403':
          error(response, 403, 'Project does not have access to model e403');
          return;
        case 'e404':
          error(response, 404, 'The model `e404` does not exist or you do not have access to it.');
          return;
        case 'e429':
          error(response, 429, 'Rate limit reached for requests', { 'Retry-After': '17' });
          return;
      }
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      let ended = false;
      response.on('close', () => {
        if (!ended) state.closedEarly++;
      });
      const finish = () => {
        ended = true;
        response.end('data: [DONE]\n\n');
      };
      if (model === 'slow') {
        let n = 0;
        const timer = setInterval(() => {
          if (response.destroyed || n >= 600) {
            clearInterval(timer);
            if (!response.destroyed) finish();
            return;
          }
          response.write(chunk(model, `word${n} `, null));
          n++;
        }, 100);
        response.on('close', () => clearInterval(timer));
        return;
      }
      if (model === 'cut') {
        response.write(chunk(model, 'The first half of the answer ', null));
        response.write(chunk(model, 'arrived, then', null));
        setTimeout(() => {
          ended = true;
          response.socket?.destroy();
        }, 100);
        return;
      }
      const pieces = model === 'markdown' ? [MARKDOWN_ANSWER] : NORMAL_ANSWER;
      for (const piece of pieces) response.write(chunk(model, piece, null));
      response.write(chunk(model, null, 'stop'));
      finish();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseURL: `${origin}/v1`,
    requests,
    get closedEarly() {
      return state.closedEarly;
    },
    chatBodies: () =>
      requests
        .filter((r) => r.method === 'POST' && r.url.endsWith('/chat/completions'))
        .map((r) => JSON.parse(r.body)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
