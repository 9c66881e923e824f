package dev.x2s.vectors;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/** Writes the x2v format (layout in the module README) in fp32, fp16 or int8. */
final class X2vWriter {
  private X2vWriter() {}

  static void write(WordVectors vectors, Path file, WriteOptions options) throws IOException {
    Dtype dtype = options.dtype();
    int n = vectors.size();
    int dim = vectors.dim();
    byte[][] encoded = new byte[n][];
    long vocabBytes = 0;
    for (int r = 0; r < n; r++) {
      encoded[r] = vectors.word(r).getBytes(StandardCharsets.UTF_8);
      vocabBytes += 4 + encoded[r].length;
    }
    long matrixStart = X2vLayout.matrixStart(vocabBytes);
    long valuesStart = X2vLayout.valuesStart(matrixStart, dtype, n);
    long footerStart = X2vLayout.footerStart(valuesStart, dtype, n, dim);
    final long vocabSize = vocabBytes;
    AtomicFiles.write(
        file,
        raw -> {
          Out out = new Out(raw);
          out.bytes(X2vLayout.MAGIC);
          out.u16(X2vLayout.VERSION);
          out.u8(dtype.code());
          out.u8(0);
          out.u32(dim);
          out.u32(n);
          out.u64(vocabSize);
          for (byte[] w : encoded) {
            out.u32(w.length);
            out.bytes(w);
          }
          out.padTo(matrixStart);
          float[] m = vectors.matrix();
          if (dtype == Dtype.INT8) {
            float[] scales = new float[n];
            for (int r = 0; r < n; r++) {
              scales[r] = Int8.scale(m, r * dim, dim);
              out.f32(scales[r]);
            }
            out.padTo(valuesStart);
            byte[] q = new byte[dim];
            for (int r = 0; r < n; r++) {
              Int8.quantize(m, r * dim, dim, scales[r], q);
              out.bytes(q);
              progress(options, r, n);
            }
          } else {
            for (int r = 0; r < n; r++) {
              int o = r * dim;
              for (int k = 0; k < dim; k++) {
                if (dtype == Dtype.FP32) {
                  out.f32(m[o + k]);
                } else {
                  out.u16(Half.fromFloat(m[o + k]));
                }
              }
              progress(options, r, n);
            }
          }
          out.padTo(footerStart);
          int crc = out.crc();
          out.u32(crc);
          out.bytes(X2vLayout.END_MAGIC);
          out.flush();
          options.progress().progress(n, n);
        });
  }

  private static void progress(WriteOptions options, int r, int n) {
    if ((r & 8191) == 8191) {
      options.progress().progress(r + 1, n);
    }
  }

  /** Little-endian output that keeps a CRC32C of everything written. */
  private static final class Out {
    private final OutputStream out;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private long written;

    Out(OutputStream out) {
      this.out = out;
    }

    private void room(int n) throws IOException {
      if (buf.remaining() < n) {
        drain();
      }
    }

    private void drain() throws IOException {
      crc.update(buf.array(), 0, buf.position());
      out.write(buf.array(), 0, buf.position());
      written += buf.position();
      buf.clear();
    }

    void u8(int v) throws IOException {
      room(1);
      buf.put((byte) v);
    }

    void u16(int v) throws IOException {
      room(2);
      buf.putShort((short) v);
    }

    void u32(int v) throws IOException {
      room(4);
      buf.putInt(v);
    }

    void u64(long v) throws IOException {
      room(8);
      buf.putLong(v);
    }

    void f32(float v) throws IOException {
      room(4);
      buf.putFloat(v);
    }

    void bytes(byte[] b) throws IOException {
      if (b.length > buf.capacity()) {
        drain();
        crc.update(b, 0, b.length);
        out.write(b);
        written += b.length;
        return;
      }
      room(b.length);
      buf.put(b);
    }

    void padTo(long offset) throws IOException {
      while (written + buf.position() < offset) {
        u8(0);
      }
    }

    /** CRC32C of everything written so far. */
    int crc() throws IOException {
      drain();
      return (int) crc.getValue();
    }

    void flush() throws IOException {
      drain();
    }
  }
}
