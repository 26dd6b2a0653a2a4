'use strict';
// The README's function reference is generated from the spec; a stale README fails here.
const assert = require('assert');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { lib } = require('./helpers');

describe('README', () => {
  const root = path.join(__dirname, '..');
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

  it('documents every function of the spec with its formula, parameters and defaults', () => {
    for (const s of lib.SPEC) {
      assert.ok(readme.includes(`### \`${s.name}(`), `${s.name} has a section`);
      assert.ok(readme.includes(s.formula), `${s.name} formula`);
      for (const p of s.params) assert.ok(readme.includes(`**\`${p.name}\`**`) && readme.includes(`= ${p.default};`), `${s.name}.${p.name}`);
    }
  });

  it('is up to date with src/spec.ts (npm run docs regenerates it)', () => {
    assert.doesNotThrow(() => execFileSync(process.execPath, ['scripts/spec-docs.js', '--check'], { cwd: root }));
  });

  it('gives the two commands that .ci/run runs', () => {
    assert.ok(readme.includes('npm install && npm run bench'));
    assert.ok(readme.includes('npm install && npm test'));
    const ci = fs.readFileSync(path.join(root, '.ci/run'), 'utf8');
    assert.ok(/^npm install\b/m.test(ci) && /^npm test\b/m.test(ci));
  });
});
