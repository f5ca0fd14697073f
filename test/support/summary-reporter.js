// Ends a test run with one plain line, "Tests: N passed, N failed, N skipped", that CI reads
// (Jest's own summary says "N passed, N total", which CI does not recognise).
// Skipped tests are named, so a suite that needs credentials says what it is waiting for.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'pending') process.stdout.write(`\nSkipped: ${test.fullName}`);
      }
    }
    process.stdout.write(
      `\nTests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`,
    );
  }
}
module.exports = SummaryReporter;
