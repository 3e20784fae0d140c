// The last lines of `npm test`: one line per reason for what could not run here (a skipped suite's
// or test's title carries its reason: "… (skipped: Electron binary not available on this
// machine)"), then the plain summary "tests: N passed, N failed[, N skipped]".
/* global process, console */

import fs from 'node:fs';

const report = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
// Grouped by reason: a suite's title says "(skipped: <reason>)"; one line per reason.
const reasons = new Map();
for (const file of report.testResults ?? []) {
  for (const t of file.assertionResults ?? []) {
    if (t.status !== 'pending' && t.status !== 'skipped' && t.status !== 'todo') continue;
    const titles = [...(t.ancestorTitles ?? []), t.title];
    const said = titles.map((x) => /\(skipped: ([^)]*)\)/.exec(x)?.[1]).find(Boolean);
    const reason = said ?? `no reason given (${titles[0]})`;
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
}
for (const [reason, count] of reasons)
  console.log(`skipped: ${count} test${count === 1 ? '' : 's'}: ${reason}`);
const skipped = report.numPendingTests + report.numTodoTests;
console.log(
  `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed` +
    (skipped ? `, ${skipped} skipped` : ''),
);
