/**
 * Starts the local stand-ins for the services the end-to-end run cannot reach, Postmark and
 * Sentry, on free ports of 127.0.0.1, and writes where they listen to the file named by the
 * first argument. Runs until it is sent SIGTERM or SIGINT.
 */
import { writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";

import { createPostmarkStandIn } from "./postmark-stand-in";
import { createSentryStandIn } from "./sentry-stand-in";

const [addressFile, postmarkToken = "placeholder-token"] = process.argv.slice(2);
if (addressFile === undefined) {
  console.error("usage: stand-ins.ts ADDRESS_FILE [POSTMARK_SERVER_TOKEN]");
  process.exit(2);
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

const postmark = createPostmarkStandIn(postmarkToken);
const sentry = createSentryStandIn();
const [postmarkHost, sentryHost] = await Promise.all([
  listen(postmark.server),
  listen(sentry.server),
]);

writeFileSync(
  addressFile,
  JSON.stringify({
    postmarkUrl: `http://${postmarkHost}`,
    sentryUrl: `http://${sentryHost}`,
    sentryDsn: `http://e2epublickey@${sentryHost}/1`,
  }),
);
console.log(`Postmark stand-in on ${postmarkHost}, Sentry stand-in on ${sentryHost}`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    postmark.server.close();
    sentry.server.close();
    process.exit(0);
  });
}
