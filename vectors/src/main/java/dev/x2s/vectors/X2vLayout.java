package dev.x2s.vectors;

/** Constants and offsets of the x2v format (see the module README for the byte layout). */
final class X2vLayout {
  /** "X2VF" */
  static final byte[] MAGIC = {'X', '2', 'V', 'F'};
  /** "X2VE", the last four bytes of the file. */
  static final byte[] END_MAGIC = {'X', '2', 'V', 'E'};
  static final int VERSION = 1;
  static final int HEADER_BYTES = 24;
  static final int FOOTER_BYTES = 8;
  static final int ALIGN = 64;

  private X2vLayout() {}

  static long align(long offset, int to) {
    return (offset + to - 1) / to * to;
  }

  static int bytesPerValue(Dtype dtype) {
    return switch (dtype) {
      case FP32 -> 4;
      case FP16 -> 2;
      case INT8 -> 1;
    };
  }

  /** Offset of the matrix section (the scales for int8) given the vocabulary size in bytes. */
  static long matrixStart(long vocabBytes) {
    return align(HEADER_BYTES + vocabBytes, ALIGN);
  }

  /** Offset of the int8 values (after the per-row scales), or the matrix start otherwise. */
  static long valuesStart(long matrixStart, Dtype dtype, long count) {
    return dtype == Dtype.INT8 ? align(matrixStart + 4 * count, ALIGN) : matrixStart;
  }

  static long footerStart(long valuesStart, Dtype dtype, long count, int dim) {
    return align(valuesStart + count * dim * bytesPerValue(dtype), 8);
  }
}
