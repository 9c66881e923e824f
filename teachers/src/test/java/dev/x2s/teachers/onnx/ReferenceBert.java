package dev.x2s.teachers.onnx;

import dev.x2s.teachers.bert.BertConfig;
import dev.x2s.teachers.weights.Tensor;
import java.util.Map;
import org.apache.commons.math3.special.Erf;

/**
 * Test-only BERT forward pass in plain Java, double precision, straight from the HF definition
 * (post-LayerNorm blocks, exact erf GELU or tanh GELU, token type 0, no padding). Slow and simple: it
 * checks that the mapped weights reproduce ONNX Runtime, independently of the DJL encoder.
 */
final class ReferenceBert {
  private final BertConfig c;
  private final Map<String, Tensor> t;

  ReferenceBert(BertConfig config, Map<String, Tensor> tensors) {
    this.c = config;
    this.t = tensors;
  }

  /** Hidden states {@code [layer 0..L][position][dim]} for one unpadded sequence. */
  double[][][] forward(long[] ids) {
    int n = ids.length;
    int h = c.hidden();
    double[][][] states = new double[c.layers() + 1][][];
    double[][] x = new double[n][h];
    float[] word = t.get("embeddings.word_embeddings.weight").data();
    float[] pos = t.get("embeddings.position_embeddings.weight").data();
    float[] type = t.get("embeddings.token_type_embeddings.weight").data();
    for (int p = 0; p < n; p++) {
      for (int k = 0; k < h; k++) {
        x[p][k] = (double) word[(int) ids[p] * h + k] + pos[p * h + k] + type[k];
      }
    }
    x = layerNorm(x, "embeddings.LayerNorm");
    states[0] = x;
    int heads = c.heads();
    int dh = h / heads;
    for (int l = 0; l < c.layers(); l++) {
      String pre = "encoder.layer." + l + ".";
      double[][] q = linear(x, pre + "attention.self.query");
      double[][] k = linear(x, pre + "attention.self.key");
      double[][] v = linear(x, pre + "attention.self.value");
      double[][] ctx = new double[n][h];
      double scale = 1 / Math.sqrt(dh);
      for (int hd = 0; hd < heads; hd++) {
        int o = hd * dh;
        for (int i = 0; i < n; i++) {
          double[] s = new double[n];
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < n; j++) {
            double dot = 0;
            for (int d = 0; d < dh; d++) {
              dot += q[i][o + d] * k[j][o + d];
            }
            s[j] = dot * scale;
            max = Math.max(max, s[j]);
          }
          double sum = 0;
          for (int j = 0; j < n; j++) {
            s[j] = Math.exp(s[j] - max);
            sum += s[j];
          }
          for (int j = 0; j < n; j++) {
            for (int d = 0; d < dh; d++) {
              ctx[i][o + d] += s[j] / sum * v[j][o + d];
            }
          }
        }
      }
      double[][] a = add(linear(ctx, pre + "attention.output.dense"), x);
      a = layerNorm(a, pre + "attention.output.LayerNorm");
      double[][] inter = linear(a, pre + "intermediate.dense");
      for (double[] row : inter) {
        for (int j = 0; j < row.length; j++) {
          row[j] = gelu(row[j]);
        }
      }
      x = layerNorm(add(linear(inter, pre + "output.dense"), a), pre + "output.LayerNorm");
      states[l + 1] = x;
    }
    return states;
  }

  private double gelu(double x) {
    if (c.activation().equals("gelu")) {
      return 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)));
    }
    return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
  }

  /** {@code x W^T + b} with W in PyTorch {@code [out, in]} layout. */
  private double[][] linear(double[][] x, String name) {
    Tensor w = t.get(name + ".weight");
    float[] b = t.get(name + ".bias").data();
    int out = w.dim(0);
    int in = w.dim(1);
    double[][] y = new double[x.length][out];
    for (int p = 0; p < x.length; p++) {
      for (int o = 0; o < out; o++) {
        double s = b[o];
        int row = o * in;
        for (int i = 0; i < in; i++) {
          s += w.data()[row + i] * x[p][i];
        }
        y[p][o] = s;
      }
    }
    return y;
  }

  private double[][] layerNorm(double[][] x, String name) {
    float[] g = t.get(name + ".weight").data();
    float[] b = t.get(name + ".bias").data();
    double[][] y = new double[x.length][];
    for (int p = 0; p < x.length; p++) {
      double mean = 0;
      for (double v : x[p]) {
        mean += v;
      }
      mean /= x[p].length;
      double var = 0;
      for (double v : x[p]) {
        var += (v - mean) * (v - mean);
      }
      var /= x[p].length;
      double inv = 1 / Math.sqrt(var + c.layerNormEps());
      y[p] = new double[x[p].length];
      for (int k = 0; k < x[p].length; k++) {
        y[p][k] = (x[p][k] - mean) * inv * g[k] + b[k];
      }
    }
    return y;
  }

  private static double[][] add(double[][] a, double[][] b) {
    for (int p = 0; p < a.length; p++) {
      for (int k = 0; k < a[p].length; k++) {
        a[p][k] += b[p][k];
      }
    }
    return a;
  }
}
