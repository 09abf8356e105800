#!/usr/bin/env node
// Validates a Teams manifest offline. Usage: node validate.mjs [manifest.json] [--bot-id GUID] [--domain HOST]
// A template with placeholders is filled with sample values first. Prints a JSON result; exit 0 valid, 1 invalid, 2 error.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { fillManifest, readIcons, templatePath, validateManifest } from "./teams-app.mjs";

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "bot-id": { type: "string", default: "00000000-0000-0000-0000-000000000000" },
      domain: { type: "string", default: "itpbot.example.net" },
    },
  });
  const file = positionals[0] ?? templatePath;
  const manifest = fillManifest(readFileSync(file, "utf8"), { botId: values["bot-id"], domain: values.domain });
  const { version, errors } = await validateManifest(manifest);
  if (file === templatePath) readIcons(manifest);
  console.log(JSON.stringify({ file, schema: version, valid: errors.length === 0, errors }));
  process.exit(errors.length === 0 ? 0 : 1);
} catch (error) {
  console.log(JSON.stringify({ valid: false, errors: [String(error.message ?? error)] }));
  process.exit(2);
}
