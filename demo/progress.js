'use strict';
// A one-line progress bar on stderr (stdout stays clean for the results). On a terminal it is
// redrawn in place; otherwise (CI logs, pipes) a line is printed at every 10 %.

function progressBar(stream = process.stderr, width = 28) {
  const t0 = Date.now();
  let lastDecile = -1;
  return {
    update(done, total, text) {
      const f = total ? done / total : 1;
      const secs = Math.round((Date.now() - t0) / 1000);
      const clock = `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;
      const bar = '█'.repeat(Math.round(f * width)).padEnd(width, '░');
      const line = `[${bar}] ${String(Math.floor(f * 100)).padStart(3)}% ${clock} ${text}`;
      if (stream.isTTY) {
        stream.write(`\r${line.slice(0, (stream.columns || 100) - 1).padEnd((stream.columns || 100) - 1)}`);
      } else if (Math.floor(f * 10) > lastDecile) {
        lastDecile = Math.floor(f * 10);
        stream.write(`${line}\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}

module.exports = { progressBar };
