package dev.x2s.teachers.onnx;

import java.util.List;

/**
 * A graph input or output ({@code ValueInfoProto}) with its tensor type.
 *
 * @param name value name
 * @param elemType element data type code ({@link OnnxTensorProto#FLOAT} …), 0 if not a tensor
 * @param dims dimensions as text: a number, a symbolic name such as {@code batch_size}, or {@code ?}
 */
public record OnnxValueInfo(String name, int elemType, List<String> dims) {
  @Override
  public String toString() {
    return name + ":" + OnnxTensorProto.dataTypeName(elemType) + dims;
  }
}
