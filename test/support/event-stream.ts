import { assertDocumented, contractAt } from './contract';

export type Frame = Readonly<{ id: string | null; data: unknown; comments: readonly string[] }>;

export type OpenStream = Readonly<{
  status: number;
  /** The JSON error body when the stream was refused. */
  body: unknown;
  /** The next frame (an event, or heartbeat comments only); null once the server ended the stream. */
  frame: () => Promise<Frame | null>;
  /** The next frame that carries an event, skipping heartbeats. */
  event: () => Promise<Frame | null>;
  close: () => void;
}>;

/**
 * GET /api/v1/events/stream read as the console reads it: fetch and a ReadableStream reader. The
 * status and media type are checked against the OpenAPI document like every e2e response, and
 * each event against its documented schema (LiveMessageDto), since a stream has no body to check.
 */
export async function openStream(url: string, options: { token?: string; query?: string; lastEventId?: string } = {}): Promise<OpenStream> {
  const path = `/api/v1/events/stream${options.query ?? ''}`;
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
  const abort = new AbortController();
  const res = await fetch(`${url}${path}`, { headers, signal: abort.signal });
  const contentType = res.headers.get('content-type');
  if (res.status !== 200) {
    const body = (await res.json()) as unknown;
    await assertDocumented(url, 'GET', path, res.status, body, contentType);
    return { status: res.status, body, frame: async () => null, event: async () => null, close: () => undefined };
  }
  await assertDocumented(url, 'GET', path, res.status, null, contentType);
  const contract = await contractAt(url);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let ended = false;
  const frame = async (): Promise<Frame | null> => {
    for (;;) {
      const cut = buffer.indexOf('\n\n');
      if (cut >= 0) {
        const text = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (text.trim() === '') continue;
        return parse(text, contract.checkComponent.bind(contract));
      }
      if (ended) return null;
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) ended = true;
      else buffer += value;
    }
  };
  const event = async () => {
    for (;;) {
      const f = await frame();
      if (f === null || f.id !== null) return f;
    }
  };
  return { status: 200, body: null, frame, event, close: () => abort.abort() };
}

function parse(text: string, check: (name: string, value: unknown) => string | null): Frame {
  let id: string | null = null;
  const data: string[] = [];
  const comments: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) comments.push(line.slice(1).trim());
    else if (line.startsWith('id:')) id = line.slice(3).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  if (id === null) return { id, data: null, comments };
  const parsed = JSON.parse(data.join('\n')) as unknown;
  const problem = check('LiveMessageDto', { id, data: parsed });
  if (problem !== null) throw new Error(`an event of the stream does not match the OpenAPI document: ${problem}`);
  return { id, data: parsed, comments };
}
