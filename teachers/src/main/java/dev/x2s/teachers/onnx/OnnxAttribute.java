package dev.x2s.teachers.onnx;

/**
 * A node attribute ({@code AttributeProto}). Only the fields a weight mapper needs are kept: scalars,
 * lists, strings and tensors; sub-graphs ({@code If}/{@code Loop} bodies) are not read.
 *
 * @param name attribute name
 * @param type ONNX {@code AttributeType} code (1 FLOAT, 2 INT, 3 STRING, 4 TENSOR, 6 FLOATS, 7 INTS…)
 * @param f FLOAT value
 * @param i INT value
 * @param s STRING value (UTF-8 decoded), or null
 * @param t TENSOR value, or null
 * @param floats FLOATS value (empty if absent)
 * @param ints INTS value (empty if absent)
 */
public record OnnxAttribute(
    String name, int type, float f, long i, String s, OnnxTensorProto t, float[] floats, long[] ints) {}
