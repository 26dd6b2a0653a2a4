'use strict';
// In the page, progress goes to the console, which the Node side forwards to stderr.
class Progress {
  constructor(total) { this.total = total; this.done = 0; }
  step(text) { this.done++; console.log(`progress [${this.done}/${this.total}] ${text}`); }
  clear() {}
}
module.exports = { Progress };
