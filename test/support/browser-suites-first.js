// Runs the browser suites first. Jest orders by the durations it cached on the last run, and without
// them (a clean clone, as CI always is) by file size: a six-minute browser suite could then start
// last and run alone while the other worker idles. Started first, the short suites fill in after.
const Sequencer = require('@jest/test-sequencer').default;

class BrowserSuitesFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const browser = (test) => test.context.config.displayName?.name === 'e2e';
    return [...sorted.filter(browser), ...sorted.filter((test) => !browser(test))];
  }
}
module.exports = BrowserSuitesFirst;
