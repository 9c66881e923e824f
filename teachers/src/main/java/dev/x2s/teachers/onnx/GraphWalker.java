package dev.x2s.teachers.onnx;

import dev.x2s.teachers.weights.WeightsException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Dataflow helpers over an {@link OnnxGraph} for pattern matching: constants (including dequantized
 * int8 weights), unique consumers, forward searches through pass-through operators. Failures name the
 * file, the node and its byte offset.
 */
final class GraphWalker {
  private final OnnxModel model;
  private final OnnxGraph g;

  GraphWalker(OnnxModel model) {
    this.model = model;
    this.g = model.graph();
  }

  WeightsException fail(OnnxNode at, String message) {
    String where = at == null ? "" : "node '" + at.name() + "' (" + at.opType() + ", byte offset "
        + at.offset() + "): ";
    return new WeightsException(model.source(), where + message);
  }

  WeightsException fail(String message) {
    return fail(null, message);
  }

  /** True if {@code value} is a constant or a dequantized constant (a weight). */
  boolean isWeight(String value) {
    if (value.isEmpty()) {
      return false;
    }
    if (g.constant(value) != null) {
      return true;
    }
    OnnxNode p = g.producer(value);
    return p != null && p.opType().equals("DequantizeLinear") && g.constant(p.input(0)) != null;
  }

  /** A weight's values with its shape; int8/uint8 weights behind DequantizeLinear are dequantized. */
  Weight weight(String value, OnnxNode user) {
    OnnxTensorProto t = g.constant(value);
    if (t != null) {
      if (t.dataType() != OnnxTensorProto.FLOAT && t.dataType() != OnnxTensorProto.FLOAT16
          && t.dataType() != OnnxTensorProto.DOUBLE) {
        throw fail(user, "weight '" + value + "' has data type "
            + OnnxTensorProto.dataTypeName(t.dataType()) + ", expected a float type");
      }
      return new Weight(value, t.shape(), t.floats());
    }
    OnnxNode p = g.producer(value);
    if (p != null && p.opType().equals("DequantizeLinear")) {
      return dequantize(p);
    }
    throw fail(user, "input '" + value + "' is not a constant weight");
  }

  /** DequantizeLinear: {@code y = (x - zeroPoint) * scale}, per tensor or per {@code axis}. */
  private Weight dequantize(OnnxNode dq) {
    OnnxTensorProto x = g.constant(dq.input(0));
    OnnxTensorProto scale = g.constant(dq.input(1));
    OnnxTensorProto zp = dq.input(2).isEmpty() ? null : g.constant(dq.input(2));
    if (x == null || scale == null || (!dq.input(2).isEmpty() && zp == null)) {
      throw fail(dq, "DequantizeLinear of a non-constant tensor");
    }
    int[] shape = x.shape();
    long[] q = x.longs();
    float[] s = scale.floats();
    long[] z = zp == null ? new long[s.length] : zp.longs();
    if (z.length != s.length) {
      throw fail(dq, "scale has " + s.length + " values, zero point " + z.length);
    }
    float[] out = new float[q.length];
    if (s.length == 1) {
      for (int i = 0; i < q.length; i++) {
        out[i] = (q[i] - z[0]) * s[0];
      }
    } else {
      int axis = (int) dq.intAttribute("axis", 1);
      if (axis < 0) {
        axis += shape.length;
      }
      if (axis < 0 || axis >= shape.length || shape[axis] != s.length) {
        throw fail(dq, "per-axis scale of " + s.length + " values does not fit axis " + axis
            + " of shape " + Arrays.toString(shape));
      }
      int inner = 1;
      for (int k = axis + 1; k < shape.length; k++) {
        inner *= shape[k];
      }
      for (int i = 0; i < q.length; i++) {
        int c = (i / inner) % s.length;
        out[i] = (q[i] - z[c]) * s[c];
      }
    }
    return new Weight(x.name() + " (dequantized)", shape, out);
  }

  /** A constant scalar (any rank with one element), or NaN if {@code value} is not one. */
  double scalar(String value) {
    OnnxTensorProto t = g.constant(value);
    if (t == null || t.size() != 1) {
      return Double.NaN;
    }
    if (t.dataType() == OnnxTensorProto.FLOAT || t.dataType() == OnnxTensorProto.DOUBLE
        || t.dataType() == OnnxTensorProto.FLOAT16) {
      return t.floats()[0];
    }
    return t.longs()[0];
  }

  /** Consumers of {@code value} with the given operator. */
  List<OnnxNode> consumers(String value, String op) {
    List<OnnxNode> out = new ArrayList<>();
    for (OnnxNode n : g.consumers(value)) {
      if (n.opType().equals(op)) {
        out.add(n);
      }
    }
    return out;
  }

  /** The single consumer of {@code value} with operator {@code op}; fails naming {@code from}. */
  OnnxNode single(String value, String op, OnnxNode from, String role) {
    List<OnnxNode> c = consumers(value, op);
    if (c.size() != 1) {
      throw fail(from, "expected one " + op + " (" + role + ") reading '" + value + "', found "
          + c.size());
    }
    return c.get(0);
  }

  /** For a two-input node that reads {@code value}, the other input. */
  static String other(OnnxNode n, String value) {
    return n.input(0).equals(value) ? n.input(1) : n.input(0);
  }

  /**
   * Breadth-first search forward from {@code start} through nodes accepted by {@code through},
   * returning the first node accepted by {@code target} (which is not traversed), or null.
   * {@code Shape} readers are never followed: they start shape arithmetic, not dataflow.
   */
  Hit forward(String start, Predicate<OnnxNode> through, Predicate<OnnxNode> target) {
    return forward(start, through, target, null);
  }

  /** As {@link #forward(String, Predicate, Predicate)}, adding every traversed node to {@code visited}. */
  Hit forward(
      String start, Predicate<OnnxNode> through, Predicate<OnnxNode> target, List<OnnxNode> visited) {
    Deque<String> queue = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    queue.add(start);
    seen.add(start);
    while (!queue.isEmpty()) {
      String v = queue.poll();
      for (OnnxNode n : g.consumers(v)) {
        if (target.test(n)) {
          return new Hit(n, n.inputs().indexOf(v), v);
        }
        if (!n.opType().equals("Shape") && through.test(n)) {
          if (visited != null) {
            visited.add(n);
          }
          for (String out : n.outputs()) {
            if (seen.add(out)) {
              queue.add(out);
            }
          }
        }
      }
    }
    return null;
  }

  /** A node found by {@link #forward}: reached via its input {@code index}, value {@code via}. */
  record Hit(OnnxNode node, int index, String via) {}

  /** A weight: its ONNX source name, shape and values. */
  record Weight(String source, int[] shape, float[] data) {}
}
