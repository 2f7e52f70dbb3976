/**
 * One HTTP request and its answer, with the helpers every route needs: the
 * parsed JSON body, Salesforce's JSON error shape, and no caching.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../store/errors.ts';

const MAX_BODY_BYTES = 50 * 1024 * 1024;

export interface Exchange {
  request: IncomingMessage;
  response: ServerResponse;
  method: string;
  url: URL;
  /** Path segments after the route's prefix, set by the router. */
  params: Record<string, string>;
  /** The signed-in user's session, once authenticated. */
  session?: { userId: string; orgId: string; username: string };
  /** The body of a composite subrequest, already parsed out of its parent request. */
  preloadedBody?: string;
}

export async function readBody(exchange: Exchange): Promise<string> {
  if (exchange.preloadedBody !== undefined) return exchange.preloadedBody;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of exchange.request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw new ApiError('JSON_PARSER_ERROR', 'Request body is too large', { status: 413 });
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request's JSON body; Salesforce answers a malformed one with JSON_PARSER_ERROR. */
export async function readJson(exchange: Exchange): Promise<unknown> {
  const text = await readBody(exchange);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError('JSON_PARSER_ERROR', `Unexpected character: ${(error as Error).message}`);
  }
}

export function sendJson(exchange: Exchange, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  exchange.response.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache,must-revalidate,max-age=0,no-store,private',
  });
  exchange.response.end(text);
}

export function sendNoContent(exchange: Exchange): void {
  exchange.response.writeHead(204);
  exchange.response.end();
}

export function sendError(exchange: Exchange, error: ApiError): void {
  sendJson(exchange, error.status, [error.toBody()]);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The signed-in user's id; a route reached without a session answers as Salesforce does (401). */
export function sessionUserId(exchange: Exchange): string {
  if (!exchange.session)
    throw new ApiError('INVALID_SESSION_ID', 'Session expired or invalid', { status: 401 });
  return exchange.session.userId;
}
