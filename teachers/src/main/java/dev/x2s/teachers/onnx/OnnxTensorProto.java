package dev.x2s.teachers.onnx;

import dev.x2s.teachers.weights.WeightsException;
import dev.x2s.vectors.Half;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An ONNX {@code TensorProto} (a graph initializer or a {@code Constant} node's value). The payload is
 * kept as stored ({@code raw_data} slice or the typed repeated field) and decoded on demand, so reading
 * a model does not copy its weights.
 *
 * @param name tensor name (may be empty inside attributes)
 * @param dims shape, outermost first
 * @param dataType ONNX {@code TensorProto.DataType} code (see {@link #FLOAT} etc.)
 * @param raw {@code raw_data} (little-endian), or null when a typed field holds the values
 * @param floatData {@code float_data}/{@code double_data} values, or null
 * @param intData {@code int32_data}/{@code int64_data} values, or null
 * @param source file the tensor came from, for error messages
 * @param offset byte offset of the tensor's field key in the file
 */
public record OnnxTensorProto(
    String name, long[] dims, int dataType, ByteBuffer raw, float[] floatData, long[] intData,
    String source, int offset) {

  public static final int FLOAT = 1;
  public static final int UINT8 = 2;
  public static final int INT8 = 3;
  public static final int INT32 = 6;
  public static final int INT64 = 7;
  public static final int FLOAT16 = 10;
  public static final int DOUBLE = 11;

  /** Number of elements (product of dims; 1 for a scalar). */
  public long size() {
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    return n;
  }

  /** Shape as ints, for {@link dev.x2s.teachers.weights.Tensor}. */
  public int[] shape() {
    int[] s = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
        throw fail("dimension " + dims[i] + " out of range");
      }
      s[i] = (int) dims[i];
    }
    return s;
  }

  /** The values as floats; FLOAT, FLOAT16, DOUBLE and the integer types are accepted. */
  public float[] floats() {
    int n = checkedSize();
    float[] out = new float[n];
    if (raw != null) {
      checkRawLength(n);
      ByteBuffer b = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      switch (dataType) {
        case FLOAT -> b.asFloatBuffer().get(out);
        case FLOAT16 -> {
          for (int i = 0; i < n; i++) {
            out[i] = Half.toFloat(b.getShort(2 * i));
          }
        }
        case DOUBLE -> {
          for (int i = 0; i < n; i++) {
            out[i] = (float) b.getDouble(8 * i);
          }
        }
        default -> {
          long[] l = longs();
          for (int i = 0; i < n; i++) {
            out[i] = l[i];
          }
        }
      }
      return out;
    }
    if (floatData != null) {
      checkCount(floatData.length, n);
      return floatData.clone();
    }
    if (intData != null) {
      checkCount(intData.length, n);
      for (int i = 0; i < n; i++) {
        out[i] = intData[i];
      }
      return out;
    }
    if (n == 0) {
      return out;
    }
    throw fail("has no data (external data is not supported)");
  }

  /** The values as longs; the integer types (INT8, UINT8, INT32, INT64) are accepted. */
  public long[] longs() {
    int n = checkedSize();
    long[] out = new long[n];
    if (raw != null) {
      checkRawLength(n);
      ByteBuffer b = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n; i++) {
        out[i] = switch (dataType) {
          case INT8 -> b.get(i);
          case UINT8 -> b.get(i) & 0xff;
          case INT32 -> b.getInt(4 * i);
          case INT64 -> b.getLong(8 * i);
          default -> throw fail("data type " + dataTypeName(dataType) + " is not an integer type");
        };
      }
      return out;
    }
    if (intData != null) {
      checkCount(intData.length, n);
      if (dataType == INT8) {
        for (int i = 0; i < n; i++) {
          out[i] = (byte) intData[i];
        }
        return out;
      }
      return intData.clone();
    }
    if (n == 0) {
      return out;
    }
    throw fail("has no integer data (data type " + dataTypeName(dataType) + ")");
  }

  private int checkedSize() {
    long n = size();
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw fail("has " + n + " elements");
    }
    return (int) n;
  }

  private void checkRawLength(int n) {
    int width = elementBytes(dataType);
    if (width == 0) {
      throw fail("unsupported data type " + dataTypeName(dataType));
    }
    if ((long) n * width != raw.remaining()) {
      throw fail("raw_data has " + raw.remaining() + " bytes, shape " + Arrays.toString(dims) + " of "
          + dataTypeName(dataType) + " needs " + (long) n * width);
    }
  }

  private void checkCount(int have, int n) {
    if (have != n) {
      throw fail("holds " + have + " values, shape " + Arrays.toString(dims) + " needs " + n);
    }
  }

  WeightsException fail(String message) {
    return new WeightsException(source, "byte offset " + offset + ": tensor '" + name + "' " + message);
  }

  static int elementBytes(int dataType) {
    return switch (dataType) {
      case FLOAT, INT32 -> 4;
      case UINT8, INT8 -> 1;
      case INT64, DOUBLE -> 8;
      case FLOAT16 -> 2;
      default -> 0;
    };
  }

  /** The ONNX name of a data type code, for messages. */
  public static String dataTypeName(int dataType) {
    return switch (dataType) {
      case FLOAT -> "FLOAT";
      case UINT8 -> "UINT8";
      case INT8 -> "INT8";
      case 4 -> "UINT16";
      case 5 -> "INT16";
      case INT32 -> "INT32";
      case INT64 -> "INT64";
      case 8 -> "STRING";
      case 9 -> "BOOL";
      case FLOAT16 -> "FLOAT16";
      case DOUBLE -> "DOUBLE";
      case 16 -> "BFLOAT16";
      default -> "type#" + dataType;
    };
  }

  @Override
  public String toString() {
    return "OnnxTensorProto[" + name + " " + dataTypeName(dataType) + " " + Arrays.toString(dims) + "]";
  }
}
