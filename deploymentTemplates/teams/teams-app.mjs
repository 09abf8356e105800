// The Teams app: fill the manifest's placeholders, validate it against the Teams JSON schema that
// @microsoft/app-manifest bundles (never fetched: this must work with no internet), read icon sizes, build the zip.
import { createRequire } from "node:module";
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require("@microsoft/app-manifest");
const AdmZip = require("adm-zip");

export const appFolder = dirname(fileURLToPath(import.meta.url));
export const templatePath = join(appFolder, "manifest.json");
export const iconSizes = { color: 192, outline: 32 };

const guid = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const hostName = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** Substitutes {{BOT_ID}} and {{BOT_DOMAIN}}; refuses values that would make a broken package. */
export function fillManifest(templateText, { botId, domain }) {
  if (!guid.test(botId ?? "")) throw new Error(`bot id must be a GUID (the bot's Microsoft App ID), got '${botId}'`);
  if (!hostName.test(domain ?? "")) throw new Error(`domain must be a host name such as itpbot.azurewebsites.net, got '${domain}'`);
  const filled = templateText.replaceAll("{{BOT_ID}}", botId).replaceAll("{{BOT_DOMAIN}}", domain);
  const left = filled.match(/\{\{[A-Z_]+\}\}/);
  if (left) throw new Error(`manifest placeholder ${left[0]} has no value`);
  return JSON.parse(filled);
}

/** The bundled schema the manifest names in $schema; throws rather than fetching one that is not bundled. */
export function bundledSchema(manifest) {
  const match = /\/json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema ?? "");
  if (!match) throw new Error(`$schema is not a Teams manifest schema URL: '${manifest.$schema}'`);
  const version = match[1];
  if (version !== `v${manifest.manifestVersion}`) {
    throw new Error(`$schema names ${version} but manifestVersion is ${manifest.manifestVersion}`);
  }
  const packageRoot = dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const file = join(packageRoot, "build", "json-schemas", "teams", version, "MicrosoftTeams.schema.json");
  if (!existsSync(file)) throw new Error(`schema ${version} is not bundled with @microsoft/app-manifest; pick a bundled version`);
  // Same clean-up the library applies to schemas it loads itself (some contain \a and \v in patterns).
  return { version, schema: JSON.parse(readFileSync(file, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b")) };
}

/** Schema errors as strings; empty when valid. */
export async function validateManifest(manifest) {
  const { version, schema } = bundledSchema(manifest);
  const errors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
  return { version, errors };
}

/** Width and height from a PNG's IHDR chunk; throws for anything that is not a PNG. */
export function pngSize(bytes) {
  const signature = "89504e470d0a1a0a";
  if (bytes.length < 24 || bytes.subarray(0, 8).toString("hex") !== signature || bytes.subarray(12, 16).toString("ascii") !== "IHDR") {
    throw new Error("not a PNG");
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Checks both icons exist at the sizes Teams requires and returns their bytes by file name. */
export function readIcons(manifest) {
  const icons = {};
  for (const [kind, size] of Object.entries(iconSizes)) {
    const name = manifest.icons?.[kind];
    if (!name) throw new Error(`manifest names no ${kind} icon`);
    const bytes = readFileSync(join(appFolder, name));
    const { width, height } = pngSize(bytes);
    if (width !== size || height !== size) throw new Error(`${kind} icon ${name} is ${width}x${height}, Teams needs ${size}x${size}`);
    icons[name] = bytes;
  }
  return icons;
}

/** Builds the app package: the filled manifest and both icons at the root of the zip, as Teams expects. */
export async function buildPackage({ botId, domain, out }) {
  const manifest = fillManifest(readFileSync(templatePath, "utf8"), { botId, domain });
  const { errors } = await validateManifest(manifest);
  if (errors.length > 0) throw new Error(`manifest does not match its schema:\n${errors.join("\n")}`);
  const zip = new AdmZip();
  zip.addFile("manifest.json", Buffer.from(JSON.stringify(manifest, null, 2), "utf8"));
  for (const [name, bytes] of Object.entries(readIcons(manifest))) zip.addFile(name, bytes);
  zip.writeZip(out);
  return out;
}
