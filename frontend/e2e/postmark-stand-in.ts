import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";

import { readBody, sendJson } from "./http";

/** An email as Postmark received it, kept for the tests to read. */
export interface CaughtEmail {
  from: string;
  to: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  messageStream: string;
  receivedAt: string;
}

interface PostmarkEmail {
  From: string;
  To: string;
  Subject: string;
  TextBody?: string;
  HtmlBody?: string;
  MessageStream?: string;
}

function isPostmarkEmail(value: unknown): value is PostmarkEmail {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const fields = value as Record<string, unknown>;
  const hasBody = typeof fields.TextBody === "string" || typeof fields.HtmlBody === "string";
  return (
    typeof fields.From === "string" &&
    typeof fields.To === "string" &&
    typeof fields.Subject === "string" &&
    hasBody
  );
}

/**
 * Speaks Postmark's single-email API (`POST /email`) as the server's Postmark client uses it,
 * answering with Postmark's own shapes and error codes, and records every accepted email.
 * `GET /stand-in/emails` is not Postmark's: it is how the tests read what arrived.
 */
export function createPostmarkStandIn(serverToken: string): {
  server: Server;
  emails: CaughtEmail[];
} {
  const emails: CaughtEmail[] = [];

  const server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? "/", "http://stand-in").pathname;

      if (request.method === "GET" && path === "/stand-in/emails") {
        sendJson(response, 200, emails);
        return;
      }
      if (request.method !== "POST" || path !== "/email") {
        sendJson(response, 404, { ErrorCode: 404, Message: "Not found." });
        return;
      }
      if (request.headers["x-postmark-server-token"] !== serverToken) {
        sendJson(response, 401, {
          ErrorCode: 10,
          Message: "No Account or Server API tokens were supplied in the HTTP headers.",
        });
        return;
      }

      let email: unknown;
      try {
        email = JSON.parse((await readBody(request)).toString("utf8"));
      } catch {
        sendJson(response, 422, { ErrorCode: 402, Message: "Received invalid JSON input." });
        return;
      }
      if (!isPostmarkEmail(email)) {
        sendJson(response, 422, {
          ErrorCode: 300,
          Message: "Invalid email request: From, To, Subject and a body are required.",
        });
        return;
      }

      const submittedAt = new Date().toISOString();
      emails.push({
        from: email.From,
        to: email.To,
        subject: email.Subject,
        textBody: email.TextBody ?? "",
        htmlBody: email.HtmlBody ?? "",
        messageStream: email.MessageStream ?? "outbound",
        receivedAt: submittedAt,
      });
      sendJson(response, 200, {
        To: email.To,
        SubmittedAt: submittedAt,
        MessageID: randomUUID(),
        ErrorCode: 0,
        Message: "OK",
      });
    })().catch((error: unknown) => {
      sendJson(response, 500, { ErrorCode: 500, Message: String(error) });
    });
  });

  return { server, emails };
}
