// Sums vitest JSON reports into the one line CI ends with: "N passed, M failed".
// A missing or unreadable report counts as a failure, so a run that executed nothing is visible.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const files = process.argv.slice(2).filter((f) => !f.includes('*'));
if (files.length === 0) failed += 1;
for (const file of files) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  } catch (error) {
    console.error(`cannot read ${file}: ${error.message}`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
