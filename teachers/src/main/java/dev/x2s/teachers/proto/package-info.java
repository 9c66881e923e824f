/**
 * The protobuf wire format, read without a protobuf dependency: {@link dev.x2s.teachers.proto.ProtoReader},
 * shared by the TF tensor-bundle index ({@code dev.x2s.teachers.tf}) and ONNX models
 * ({@code dev.x2s.teachers.onnx}).
 */
package dev.x2s.teachers.proto;
