package dev.x2s.vectors;

/** Storage type of the matrix in an {@link VectorFormat#X2V} file. */
public enum Dtype {
  /** IEEE binary32, exact. */
  FP32(0),
  /** IEEE binary16, round to nearest even; relative error ≤ 2⁻¹¹ in the normal range. */
  FP16(1),
  /** Symmetric int8 with a float32 scale per row: v ≈ q · max|row|/127. */
  INT8(2);

  private final int code;

  Dtype(int code) {
    this.code = code;
  }

  /** The code stored in the x2v header. */
  public int code() {
    return code;
  }

  /** The dtype stored under {@code code}, or null when unknown. */
  public static Dtype ofCode(int code) {
    for (Dtype d : values()) {
      if (d.code == code) {
        return d;
      }
    }
    return null;
  }
}
