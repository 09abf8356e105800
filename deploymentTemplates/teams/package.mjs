#!/usr/bin/env node
// Builds the Teams app package. Usage: node package.mjs --bot-id GUID --domain HOST [--out FILE.zip]
// The bot id is the Azure Bot's Microsoft App ID (for a managed identity: its client id); domain is the web app's host.
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { appFolder, buildPackage } from "./teams-app.mjs";

try {
  const { values } = parseArgs({
    options: {
      "bot-id": { type: "string" },
      domain: { type: "string" },
      out: { type: "string", default: join(appFolder, "dist", "itpbot-teams.zip") },
    },
  });
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  await buildPackage({ botId: values["bot-id"], domain: values.domain, out });
  console.log(out);
} catch (error) {
  console.error(`package.mjs: ${error.message ?? error}`);
  process.exit(2);
}
