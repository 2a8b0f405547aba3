import { createServer, type Server } from "node:http";
import { gunzipSync } from "node:zlib";

import { readBody, sendJson } from "./http";

/** One item of an envelope the browser SDK sent: an error event, a span, a session… */
export interface EnvelopeItem {
  type: string;
  payload: unknown;
  /** The payload exactly as it arrived, to search for anything that should not be there. */
  raw: string;
}

/**
 * Splits Sentry's envelope format: a header line, then for each item a header line and a
 * payload that is either `length` bytes long or runs to the end of its line.
 */
export function parseEnvelope(body: Buffer): EnvelopeItem[] {
  const items: EnvelopeItem[] = [];
  let offset = body.indexOf(0x0a) + 1;
  while (offset > 0 && offset < body.length) {
    const headerEnd = body.indexOf(0x0a, offset);
    const headerText = body.subarray(offset, headerEnd === -1 ? body.length : headerEnd);
    if (headerText.toString("utf8").trim() === "") {
      break;
    }
    const header = JSON.parse(headerText.toString("utf8")) as { type?: string; length?: number };
    const payloadStart = headerEnd + 1;
    let payloadEnd: number;
    if (typeof header.length === "number") {
      payloadEnd = payloadStart + header.length;
    } else {
      const newline = body.indexOf(0x0a, payloadStart);
      payloadEnd = newline === -1 ? body.length : newline;
    }
    const raw = body.subarray(payloadStart, payloadEnd).toString("utf8");
    let payload: unknown = raw;
    try {
      payload = JSON.parse(raw);
    } catch {
      // Attachments and the like are not JSON; the raw text is kept either way.
    }
    items.push({ type: header.type ?? "unknown", payload, raw });
    offset = payloadEnd + 1;
  }
  return items;
}

/**
 * Takes the envelopes a browser SDK posts to `/api/<project>/envelope/` and records their
 * items. `GET /stand-in/items` is not Sentry's: it is how the tests read what arrived.
 */
export function createSentryStandIn(): { server: Server; items: EnvelopeItem[] } {
  const items: EnvelopeItem[] = [];
  // The browser posts across origins (the app and this stand-in listen on different ports).
  const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*" };

  const server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? "/", "http://stand-in").pathname;

      if (request.method === "OPTIONS") {
        response.writeHead(204, { ...cors, "Access-Control-Allow-Methods": "POST" });
        response.end();
        return;
      }
      if (request.method === "GET" && path === "/stand-in/items") {
        sendJson(response, 200, items);
        return;
      }
      if (request.method !== "POST" || !/^\/api\/\d+\/envelope\/$/.test(path)) {
        sendJson(response, 404, { detail: "not found" }, cors);
        return;
      }

      let body = await readBody(request);
      if (request.headers["content-encoding"] === "gzip") {
        body = gunzipSync(body);
      }
      items.push(...parseEnvelope(body));
      sendJson(response, 200, {}, cors);
    })().catch((error: unknown) => {
      sendJson(response, 400, { detail: String(error) }, cors);
    });
  });

  return { server, items };
}
