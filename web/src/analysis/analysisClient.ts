import type { AnalysisRequest, AnalysisResponse } from './protocol';

export interface AnalysisClient {
  /** Resolves with the response, or with null when a newer request superseded this one. */
  analyse(request: Omit<AnalysisRequest, 'id'>): Promise<AnalysisResponse | null>;
  dispose(): void;
}

/** One worker, one engine; a crashed worker is replaced on the next request. */
export function createAnalysisClient(): AnalysisClient {
  let worker: Worker | null = null;
  let latest = 0;
  const waiting = new Map<number, (response: AnalysisResponse | null) => void>();

  function settleAll(make: (id: number) => AnalysisResponse | null) {
    for (const [id, resolve] of waiting) resolve(make(id));
    waiting.clear();
  }

  function start(): Worker {
    const created = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<AnalysisResponse>) => {
      const { id } = event.data;
      // Anything older than the newest request is stale: its waiters learn so and drop it.
      for (const [waitingId, resolve] of waiting) {
        if (waitingId <= id) {
          resolve(waitingId === latest ? event.data : null);
          waiting.delete(waitingId);
        }
      }
    };
    created.onerror = (event) => {
      event.preventDefault();
      created.terminate();
      if (worker === created) worker = null;
      const message = event.message || 'the analysis worker stopped unexpectedly';
      settleAll((id) => (id === latest ? { id, ok: false, message } : null));
    };
    return created;
  }

  return {
    analyse(request) {
      const id = ++latest;
      worker ??= start();
      const pending = new Promise<AnalysisResponse | null>((resolve) => waiting.set(id, resolve));
      worker.postMessage({ ...request, id } satisfies AnalysisRequest);
      return pending;
    },
    dispose() {
      worker?.terminate();
      worker = null;
      settleAll(() => null);
    },
  };
}
