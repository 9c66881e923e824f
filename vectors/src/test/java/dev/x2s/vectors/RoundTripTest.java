package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoundTripTest {
  private static final long SEED = 42;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(VectorFormat.class)
  void exactRoundTrip(VectorFormat format) throws IOException {
    WordVectors v = TestVectors.random(SEED, 300, 17);
    Path f = dir.resolve("v." + format);
    VectorFiles.write(v, f, format);
    LoadResult r = VectorFiles.read(f, ReadOptions.defaults());
    assertEquals(v.words(), r.vectors().words());
    assertArrayEquals(v.matrix(), r.vectors().matrix(), "seed " + SEED);
    VectorFormat expected = format == VectorFormat.FASTTEXT_VEC ? VectorFormat.WORD2VEC_TEXT : format;
    assertEquals(expected, r.report().format());
    assertEquals(300, r.report().kept());
    assertEquals(VectorFiles.size(f), r.report().bytes()); // a folder: its weights and tokenizer
    assertEquals(0, r.report().duplicates());
  }

  @Test
  void fastTextWritesTrailingSpaceAndWord2vecNot() throws IOException {
    WordVectors v = TestVectors.random(SEED, 3, 2);
    Path ft = dir.resolve("a.vec");
    Path w2v = dir.resolve("a.txt");
    VectorFiles.write(v, ft, VectorFormat.FASTTEXT_VEC);
    VectorFiles.write(v, w2v, VectorFormat.WORD2VEC_TEXT);
    List<String> ftLines = Files.readAllLines(ft);
    assertEquals("3 2", ftLines.get(0));
    assertTrue(ftLines.get(1).endsWith(" "));
    assertTrue(!Files.readAllLines(w2v).get(1).endsWith(" "));
  }

  @Test
  void word2vecBinaryLayoutWithAndWithoutNewline() throws IOException {
    WordVectors v = new WordVectors(new String[] {"ab", "c"}, new float[] {1f, -2f, 0.5f, 0f}, 2);
    Path with = dir.resolve("with.bin");
    Path without = dir.resolve("without.bin");
    VectorFiles.write(v, with, VectorFormat.WORD2VEC_BINARY);
    VectorFiles.write(
        v, without, VectorFormat.WORD2VEC_BINARY, WriteOptions.defaults().withBinaryNewline(false));
    // hand-assembled expected bytes: header, "ab ", 1.0f LE, -2.0f LE, "\n", "c ", 0.5f, 0.0f, "\n"
    byte[] expected = {
      '2', ' ', '2', '\n',
      'a', 'b', ' ', 0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0, '\n',
      'c', ' ', 0, 0, 0, 0x3f, 0, 0, 0, 0, '\n'
    };
    assertArrayEquals(expected, Files.readAllBytes(with));
    assertEquals(expected.length - 2, Files.size(without));
    assertArrayEquals(v.matrix(), VectorFiles.read(without).matrix());
    assertArrayEquals(v.matrix(), VectorFiles.read(with).matrix());
  }

  @Test
  void fp16WithinHalfPrecisionBound() throws IOException {
    WordVectors v = TestVectors.random(SEED, 500, 33);
    Path f = dir.resolve("h.x2v");
    VectorFiles.write(v, f, VectorFormat.X2V, WriteOptions.defaults().withDtype(Dtype.FP16));
    LoadResult r = VectorFiles.read(f, ReadOptions.defaults());
    assertEquals(Dtype.FP16, r.report().dtype());
    float[] a = v.matrix();
    float[] b = r.vectors().matrix();
    for (int i = 0; i < a.length; i++) {
      float x = a[i];
      // |x - fp16(x)| <= half an fp16 ulp: 2^-11 relative (normal range), 2^-25 absolute (subnormal)
      double bound = Math.max(Math.abs(x) * 0x1p-11, 0x1p-25);
      assertTrue(Math.abs(x - b[i]) <= bound, "value " + i + ": " + x + " → " + b[i]);
    }
    // fp16 file is about half the fp32 one
    Path f32 = dir.resolve("f.x2v");
    VectorFiles.write(v, f32, VectorFormat.X2V);
    assertTrue(Files.size(f) < Files.size(f32) * 0.6);
  }

  @Test
  void int8WithinScaleBound() throws IOException {
    WordVectors v = TestVectors.random(SEED, 500, 33);
    Path f = dir.resolve("q.x2v");
    VectorFiles.write(v, f, VectorFormat.X2V, WriteOptions.defaults().withDtype(Dtype.INT8));
    LoadResult r = VectorFiles.read(f, ReadOptions.defaults());
    assertEquals(Dtype.INT8, r.report().dtype());
    float[] a = v.matrix();
    float[] b = r.vectors().matrix();
    int dim = v.dim();
    for (int row = 0; row < v.size(); row++) {
      double max = 0;
      for (int k = 0; k < dim; k++) {
        max = Math.max(max, Math.abs(a[row * dim + k]));
      }
      double scale = max / 127;
      for (int k = 0; k < dim; k++) {
        int i = row * dim + k;
        // rounding error scale/2, plus float rounding of the scale and product
        double bound = scale / 2 * (1 + 1e-5) + 1e-30;
        assertTrue(Math.abs(a[i] - b[i]) <= bound, "row " + row + " col " + k);
      }
    }
    // the largest magnitude of a row is reproduced up to float rounding (q = ±127)
    for (int row = 0; row < v.size(); row++) {
      int arg = row * dim;
      for (int k = 0; k < dim; k++) {
        if (Math.abs(a[row * dim + k]) > Math.abs(a[arg])) {
          arg = row * dim + k;
        }
      }
      assertEquals(a[arg], b[arg], Math.abs(a[arg]) * 1e-6, "row " + row);
    }
  }

  @Test
  void zeroRowsAndEmptySetSurviveEveryFormat() throws IOException {
    WordVectors zeros = new WordVectors(new String[] {"z"}, new float[3], 3);
    for (VectorFormat format : VectorFormat.values()) {
      for (Dtype d : Dtype.values()) {
        Path f = dir.resolve("z-" + format + d);
        if (format == VectorFormat.MODEL2VEC && d == Dtype.INT8) { // neither Model2Vec nor ST reads int8
          org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
              () -> VectorFiles.write(zeros, f, format, WriteOptions.defaults().withDtype(d)));
          continue;
        }
        VectorFiles.write(zeros, f, format, WriteOptions.defaults().withDtype(d));
        assertArrayEquals(new float[3], VectorFiles.read(f).matrix(), format + " " + d);
      }
    }
    WordVectors empty = new WordVectors(new String[0], new float[0], 4);
    for (VectorFormat format
        : List.of(VectorFormat.WORD2VEC_TEXT, VectorFormat.WORD2VEC_BINARY, VectorFormat.X2V, VectorFormat.MODEL2VEC)) {
      Path f = dir.resolve("empty-" + format);
      VectorFiles.write(empty, f, format);
      WordVectors back = VectorFiles.read(f, ReadOptions.defaults().withFormat(format)).vectors();
      assertEquals(0, back.size());
      assertEquals(4, back.dim());
    }
  }

  @Test
  void readOptionsLowerCaseFilterLimitAndDuplicates() throws IOException {
    Path f = dir.resolve("o.txt");
    Files.writeString(
        f,
        "6 2\nThe 1 1\nthe 2 2\ncat 3 3\nDog 4 4\nx 5 5\nbird 6 6\n",
        StandardCharsets.UTF_8);
    LoadResult plain = VectorFiles.read(f, ReadOptions.defaults());
    assertEquals(List.of("The", "the", "cat", "Dog", "x", "bird"), plain.vectors().words());

    LoadResult lower = VectorFiles.read(f, ReadOptions.defaults().withLowerCase(true));
    assertEquals(List.of("the", "cat", "dog", "x", "bird"), lower.vectors().words());
    assertEquals(1, lower.report().duplicates());
    assertArrayEquals(new float[] {1, 1}, lower.vectors().vector("the"), "first one wins");

    LoadResult filtered =
        VectorFiles.read(
            f, ReadOptions.defaults().withLowerCase(true).withFilter(w -> w.length() > 1));
    assertEquals(List.of("the", "cat", "dog", "bird"), filtered.vectors().words());
    assertEquals(1, filtered.report().skipped());
    assertEquals(1, filtered.report().duplicates());
    assertEquals(6, filtered.report().rowsRead());
    assertEquals(6, filtered.report().declaredRows());

    LoadResult limited =
        VectorFiles.read(f, ReadOptions.defaults().withLowerCase(true).withLimit(3));
    assertEquals(List.of("the", "cat", "dog"), limited.vectors().words());
    assertEquals(4, limited.report().rowsRead());
  }

  @Test
  void optionsApplyToEveryFormat() throws IOException {
    WordVectors v =
        new WordVectors(
            new String[] {"A", "a", "b", "cc", "D"}, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 2);
    ReadOptions opts =
        ReadOptions.defaults().withLowerCase(true).withFilter(w -> !w.equals("b")).withLimit(2);
    for (VectorFormat format : VectorFormat.values()) {
      Path f = dir.resolve("opt-" + format);
      VectorFiles.write(v, f, format);
      LoadResult r = VectorFiles.read(f, opts);
      assertEquals(List.of("a", "cc"), r.vectors().words(), format.toString());
      assertArrayEquals(new float[] {1, 2, 7, 8}, r.vectors().matrix(), format.toString());
      assertEquals(1, r.report().duplicates(), format.toString());
      assertEquals(1, r.report().skipped(), format.toString());
    }
  }

  /** Without a limit the x2v reader decodes on a second thread, then picks the kept rows. */
  @Test
  void x2vFilterWithoutLimitPicksKeptRows() throws IOException {
    WordVectors v =
        new WordVectors(
            new String[] {"A", "a", "b", "cc", "D"}, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 2);
    for (Dtype d : Dtype.values()) {
      Path f = dir.resolve("sel-" + d + ".x2v");
      VectorFiles.write(v, f, VectorFormat.X2V, WriteOptions.defaults().withDtype(d));
      LoadResult r =
          VectorFiles.read(
              f, ReadOptions.defaults().withLowerCase(true).withFilter(w -> !w.equals("b")));
      assertEquals(List.of("a", "cc", "d"), r.vectors().words());
      assertArrayEquals(new float[] {1, 2, 7, 8, 9, 10}, r.vectors().matrix(), 0.05f, d.toString());
      assertEquals(2, r.vectors().indexOf("d"));
    }
  }

  @Test
  void exceptionFromTheFilterPropagates() throws IOException {
    WordVectors v = TestVectors.random(SEED, 50, 4);
    for (VectorFormat format : VectorFormat.values()) {
      Path f = dir.resolve("filter-" + format);
      VectorFiles.write(v, f, format);
      ReadOptions failing =
          ReadOptions.defaults()
              .withFilter(
                  w -> {
                    throw new IllegalStateException("filter failed on " + w);
                  });
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalStateException.class, () -> VectorFiles.read(f, failing), format.toString());
    }
  }

  @Test
  void progressIsReportedToTheEnd() throws IOException {
    WordVectors v = TestVectors.random(SEED, 100, 5);
    for (VectorFormat format : VectorFormat.values()) {
      Path f = dir.resolve("p-" + format);
      List<long[]> writes = new ArrayList<>();
      VectorFiles.write(
          v,
          f,
          format,
          WriteOptions.defaults().withProgress((d, t) -> writes.add(new long[] {d, t})));
      assertArrayEquals(new long[] {100, 100}, writes.get(writes.size() - 1));
      List<long[]> reads = new ArrayList<>();
      VectorFiles.read(f, ReadOptions.defaults().withProgress((d, t) -> reads.add(new long[] {d, t})));
      long size = VectorFiles.size(f);
      assertArrayEquals(new long[] {size, size}, reads.get(reads.size() - 1), format.toString());
    }
  }

  @Test
  void toleratesCrlfMissingFinalNewlineTabsAndTrailingBlankLines() throws IOException {
    Path f = dir.resolve("crlf.txt");
    Files.writeString(f, "2 3\r\ncafé\t1.5 -2e-3 3 \r\n日本 4\t5   6", StandardCharsets.UTF_8);
    WordVectors v = VectorFiles.read(f);
    assertEquals(List.of("café", "日本"), v.words());
    assertArrayEquals(new float[] {1.5f, -2e-3f, 3, 4, 5, 6}, v.matrix());

    Path g = dir.resolve("glove.txt");
    Files.writeString(g, "a 1 2\r\nb 3 4\r\n\r\n\n", StandardCharsets.UTF_8);
    LoadResult r = VectorFiles.read(g, ReadOptions.defaults());
    assertEquals(VectorFormat.GLOVE, r.report().format());
    assertEquals(-1, r.report().declaredRows());
    assertArrayEquals(new float[] {1, 2, 3, 4}, r.vectors().matrix());
  }
}
