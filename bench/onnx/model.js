'use strict';
// Single-node ONNX models built in memory, so the onnxruntime peers run exactly one operator with
// no model file on disk. Field numbers are those of onnx/onnx.proto (ModelProto, GraphProto,
// NodeProto, AttributeProto, ValueInfoProto, TypeProto, TensorShapeProto, TensorProto).
const { Message } = require('./protobuf');

const IR_VERSION = 9; // the IR version that goes with opset 20 (ONNX 1.15)
const OPSET = 20;
const ELEM = { float32: 1, float64: 11 }; // TensorProto.DataType FLOAT, DOUBLE
const ATTR = { FLOAT: 1, INT: 2, STRING: 3 }; // AttributeProto.AttributeType

/** shape: an array of numbers (fixed) or strings (symbolic, i.e. dynamic). */
function valueInfo(name, type, shape) {
  const dims = new Message();
  for (const d of shape) {
    const dim = new Message();
    if (typeof d === 'string') dim.string(2, d); else dim.int(1, d);
    dims.message(1, dim);
  }
  const tensor = new Message().int(1, ELEM[type]).message(2, dims);
  return new Message().string(1, name).message(2, new Message().message(1, tensor));
}

function attribute(name, value) {
  const a = new Message().string(1, name);
  if (typeof value === 'string') return a.string(4, value).int(20, ATTR.STRING);
  if (Number.isInteger(value) && name === 'axis') return a.int(3, value).int(20, ATTR.INT);
  return a.float(2, value).int(20, ATTR.FLOAT);
}

function initializer(name, type, dims, values) {
  const t = new Message();
  for (const d of dims) t.int(1, d);
  t.int(2, ELEM[type]).string(8, name);
  return type === 'float64' ? t.packedDoubles(10, values) : t.packedFloats(4, values);
}

/**
 * A model computing Y = op(X [, extra inputs]) with the given attributes.
 * spec: { op, type: 'float32'|'float64', shape: (number|string)[], attributes?: {name: value},
 *         initializers?: [{ name, dims, values }] (extra node inputs, e.g. PRelu's slope) }
 */
function singleNodeModel({ op, type = 'float32', shape, attributes = {}, initializers = [] }) {
  const node = new Message().string(1, 'X');
  for (const init of initializers) node.string(1, init.name);
  node.string(2, 'Y').string(3, op.toLowerCase()).string(4, op);
  for (const [name, value] of Object.entries(attributes)) node.message(5, attribute(name, value));

  const graph = new Message().message(1, node).string(2, `${op}_graph`);
  for (const init of initializers) graph.message(5, initializer(init.name, type, init.dims, init.values));
  graph.message(11, valueInfo('X', type, shape)).message(12, valueInfo('Y', type, shape));

  return new Message()
    .int(1, IR_VERSION)
    .string(2, 'simd-activations-bench')
    .message(7, graph)
    .message(8, new Message().string(1, '').int(2, OPSET))
    .finish();
}

module.exports = { singleNodeModel, OPSET, IR_VERSION };
