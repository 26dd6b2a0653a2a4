'use strict';
// Fashion-MNIST (Xiao, Rasul & Vollgraf 2017) from Debian's package dataset-fashion-mnist, which
// installs the original IDX files; nothing is downloaded.
const fs = require('fs');
const path = require('path');
const { readIdx } = require('./idx');

const DEFAULT_DIR = '/usr/share/datasets/fashion-mnist';
const FILES = {
  trainImages: 'train-images-idx3-ubyte', trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte', testLabels: 't10k-labels-idx1-ubyte',
};
const CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
/** Pixel mean and standard deviation of the training images (on the 0..1 scale). */
const MEAN = 0.2860;
const STD = 0.3530;

const INSTALL_HINT = `Fashion-MNIST was not found in %DIR%.
Install Debian's package (the original IDX files, no download at run time):
  sudo apt-get install dataset-fashion-mnist
or point --data at a directory holding train-images-idx3-ubyte(.gz), train-labels-idx1-ubyte(.gz),
t10k-images-idx3-ubyte(.gz) and t10k-labels-idx1-ubyte(.gz).`;

/** The file for a name, gzipped or not; undefined if neither exists. */
function find(dir, base) {
  for (const f of [`${base}.gz`, base]) if (fs.existsSync(path.join(dir, f))) return path.join(dir, f);
  return undefined;
}

function missing(dir) {
  return Object.values(FILES).filter((b) => !find(dir, b));
}

/** Images as Float32Array rows of 784 standardised pixels, labels as Uint8Array. */
function load(dir = DEFAULT_DIR) {
  const gaps = missing(dir);
  if (gaps.length) {
    const e = new Error(INSTALL_HINT.replace('%DIR%', dir));
    e.code = 'FASHION_MNIST_MISSING';
    throw e;
  }
  const split = (imgBase, lblBase) => {
    const img = readIdx(find(dir, imgBase));
    const lbl = readIdx(find(dir, lblBase));
    if (img.shape.length !== 3 || lbl.shape.length !== 1 || img.shape[0] !== lbl.shape[0]) {
      throw new Error(`${dir}: images [${img.shape}] and labels [${lbl.shape}] do not match`);
    }
    const x = new Float32Array(img.data.length);
    for (let i = 0; i < x.length; i++) x[i] = (img.data[i] / 255 - MEAN) / STD;
    return { x, labels: lbl.data, count: img.shape[0], features: img.shape[1] * img.shape[2] };
  };
  return { train: split(FILES.trainImages, FILES.trainLabels), test: split(FILES.testImages, FILES.testLabels) };
}

module.exports = { load, missing, DEFAULT_DIR, CLASSES, INSTALL_HINT };
