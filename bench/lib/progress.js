'use strict';
// One progress line on stderr: rewritten in place on a terminal, one line per step in a log.
class Progress {
  constructor(total) { this.total = total; this.done = 0; this.start = Date.now(); this.tty = process.stderr.isTTY; }
  step(text) {
    this.done++;
    const elapsed = (Date.now() - this.start) / 1000;
    // A rough estimate: rows differ in cost, the big sizes come last in each function.
    const left = this.done > 1 ? `, ~${Math.round((elapsed / (this.done - 1)) * (this.total - this.done + 1))}s left` : '';
    const line = `[${this.done}/${this.total} ${elapsed.toFixed(0)}s${left}] ${text}`;
    if (this.tty) process.stderr.write(`\r${line.slice(0, (process.stderr.columns || 100) - 1).padEnd((process.stderr.columns || 100) - 1)}`);
    else process.stderr.write(`${line}\n`);
  }
  clear() { if (this.tty) process.stderr.write(`\r${' '.repeat((process.stderr.columns || 100) - 1)}\r`); }
}

module.exports = { Progress };
