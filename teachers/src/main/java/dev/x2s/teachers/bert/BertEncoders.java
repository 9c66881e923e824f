package dev.x2s.teachers.bert;

import dev.x2s.teachers.Precision;
import dev.x2s.teachers.engine.CpuFeatures;
import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.wordpiece.WordPieceTokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Opens the {@link BertForward} for a precision: fp32 and bf16 on DJL PyTorch ({@link BertEncoder}), int8
 * on ONNX Runtime ({@link OrtBertEncoder} over a {@link BertOnnxGraph}). bf16 on a CPU without bf16 dot
 * products falls back to fp32 (said on stderr; the encoder then reports fp32, so caches record what ran).
 *
 * <p>int8 calibration: SmoothQuant needs each linear layer's per-channel input maximum. It is measured
 * at load by an fp32 ONNX graph on a fixed text shipped with x2s ({@code int8-calibration.txt}, 40
 * sentences, one at a time so no padding enters), so the quantized model depends only on the weights.
 */
public final class BertEncoders {
  /** SmoothQuant migration strength (measured: BENCHMARKS.md, "int8 teacher"). */
  public static final double ALPHA = 0.5;

  private BertEncoders() {}

  /**
   * @param threads ONNX Runtime intra-op threads for int8 (0: one per core); DJL's are process-wide
   *     ({@code engine.PyTorchThreads})
   */
  public static BertForward open(BertConfig config, Map<String, Tensor> weights, String source, Precision p,
      int threads, WordPieceTokenizer tokenizer) {
    return switch (p) {
      case FP32 -> new BertEncoder(config, weights, source, false);
      case BF16 -> {
        // The bf16 path of BertEncoder (weights and activations cast with DJL's toType(BFLOAT16)) aborts the
        // JVM in native code on DJL 0.36 / PyTorch 2.7.1 ("terminate called without an active exception",
        // Int8EncoderTest), so bf16 is not offered yet: say so and run fp32 (reported as fp32).
        System.err.println("x2s: bf16 is not available yet (DJL's bf16 cast aborts in native code; CPU flags: "
            + CpuFeatures.current().summary() + "); running fp32");
        yield new BertEncoder(config, weights, source, false);
      }
      case INT8 -> int8(config, weights, source, threads, tokenizer);
    };
  }

  static OrtBertEncoder int8(BertConfig config, Map<String, Tensor> weights, String source, int threads,
      WordPieceTokenizer tokenizer) {
    float[][][] amax = calibrate(config, weights, source, threads, tokenizer, calibrationText());
    byte[] graph = BertOnnxGraph.build(config, weights, BertOnnxGraph.all(config, BertOnnxGraph.Linear.INT8),
        amax, ALPHA, false, source);
    return new OrtBertEncoder(config, graph, threads, source);
  }

  /** Per block and linear layer, the max |input| per channel over {@code sentences} (fp32). */
  static float[][][] calibrate(BertConfig config, Map<String, Tensor> weights, String source, int threads,
      WordPieceTokenizer tokenizer, List<List<String>> sentences) {
    byte[] g = BertOnnxGraph.build(config, weights, BertOnnxGraph.all(config, BertOnnxGraph.Linear.FP32), null,
        0, true, source);
    float[][][] amax = new float[config.layers()][BertOnnxGraph.LINEARS][];
    int cap = config.maxPositions() - 2;
    try (OrtBertEncoder e = new OrtBertEncoder(config, g, threads, source)) {
      for (List<String> words : sentences) {
        int[] pieces = tokenizer.encodeWords(words).ids();
        int n = Math.min(pieces.length, cap);
        int[] ids = new int[n + 2];
        ids[0] = tokenizer.clsId();
        System.arraycopy(pieces, 0, ids, 1, n);
        ids[n + 1] = tokenizer.sepId();
        float[][][] m = e.calibrationMax(new int[][] {ids}, new int[] {ids.length});
        for (int i = 0; i < m.length; i++) {
          for (int j = 0; j < m[i].length; j++) {
            if (amax[i][j] == null) {
              amax[i][j] = m[i][j];
            } else {
              for (int k = 0; k < m[i][j].length; k++) {
                amax[i][j][k] = Math.max(amax[i][j][k], m[i][j][k]);
              }
            }
          }
        }
      }
    }
    return amax;
  }

  /** The shipped calibration sentences (whitespace-separated words; {@code #} lines are comments). */
  public static List<List<String>> calibrationText() {
    List<List<String>> out = new ArrayList<>();
    try (InputStream in = BertEncoders.class.getResourceAsStream("int8-calibration.txt")) {
      if (in == null) {
        throw new IllegalStateException("int8-calibration.txt missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(Arrays.asList(line.strip().split("\\s+")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
