'use strict';
// One progress line on stderr: rewritten in place on a terminal, one line per step in a log.
class Progress {
  constructor(total) { this.total = total; this.done = 0; this.start = Date.now(); this.tty = process.stderr.isTTY; }
  step(text) {
    this.done++;
    const s = ((Date.now() - this.start) / 1000).toFixed(0);
    const line = `[${this.done}/${this.total} ${s}s] ${text}`;
    if (this.tty) process.stderr.write(`\r${line.slice(0, (process.stderr.columns || 100) - 1).padEnd((process.stderr.columns || 100) - 1)}`);
    else process.stderr.write(`${line}\n`);
  }
  clear() { if (this.tty) process.stderr.write(`\r${' '.repeat((process.stderr.columns || 100) - 1)}\r`); }
}

module.exports = { Progress };
