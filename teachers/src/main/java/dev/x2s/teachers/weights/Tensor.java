package dev.x2s.teachers.weights;

import java.util.Arrays;

/**
 * A named float tensor read from a checkpoint, row-major (C order). Weight readers (TF bundle, ONNX,
 * safetensors, HDF5) all produce these; encoders take a map of them by canonical name.
 *
 * @param name canonical name (Hugging Face naming for transformers)
 * @param shape dimensions, outermost first
 * @param data values, row-major; length = product of shape
 */
public record Tensor(String name, int[] shape, float[] data) {
  public Tensor {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    if (n != data.length) {
      throw new IllegalArgumentException(
          "tensor " + name + ": shape " + Arrays.toString(shape) + " needs " + n + " values, has "
              + data.length);
    }
  }

  public int rank() {
    return shape.length;
  }

  public int dim(int i) {
    return shape[i];
  }

  /** This 2-D tensor transposed (e.g. a TF/ONNX [in, out] kernel to PyTorch's [out, in]). */
  public Tensor transposed(String newName) {
    if (shape.length != 2) {
      throw new IllegalStateException("tensor " + name + " is not 2-D: " + Arrays.toString(shape));
    }
    int r = shape[0];
    int c = shape[1];
    float[] t = new float[data.length];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        t[j * r + i] = data[i * c + j];
      }
    }
    return new Tensor(newName, new int[] {c, r}, t);
  }

  /** Checks the shape, naming the tensor and the source when it differs. */
  public Tensor expectShape(String source, int... expected) {
    if (!Arrays.equals(shape, expected)) {
      throw new WeightsException(
          source, "tensor " + name + " has shape " + Arrays.toString(shape) + ", expected "
              + Arrays.toString(expected));
    }
    return this;
  }

  @Override
  public String toString() {
    return "Tensor[" + name + " " + Arrays.toString(shape) + "]";
  }
}
