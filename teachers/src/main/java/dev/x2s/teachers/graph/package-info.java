/**
 * Writing ONNX graphs for ONNX Runtime: {@link dev.x2s.teachers.graph.OnnxGraphBuilder} (nodes,
 * initializers, the model's protobuf bytes). Reading ONNX models is {@code dev.x2s.teachers.onnx}.
 */
package dev.x2s.teachers.graph;
