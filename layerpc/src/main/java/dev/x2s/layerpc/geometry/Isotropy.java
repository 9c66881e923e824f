package dev.x2s.layerpc.geometry;

import dev.x2s.vectors.AllButTheTop;
import dev.x2s.vectors.WordVectors;
import java.util.stream.IntStream;

/**
 * Isotropy of a static vector set (Mu &amp; Viswanath, ICLR 2018, §2): I(V) = min_c Z(c) / max_c Z(c),
 * with the partition function Z(c) = Σ_w exp(cᵀv_w) and c over the unit eigenvectors of VᵀV (the
 * uncentred second-moment matrix; {@link Eigenvectors}). 1 is perfectly isotropic; a common mean
 * direction drives it to 0.
 *
 * <p>An eigenvector's sign is arbitrary and Z(c) ≠ Z(−c), so we take c over both signs of every
 * eigenvector: the result does not depend on the eigen-solver. Z is summed in log space (norms of
 * contextual vectors reach 20–30, and exp(30) × 10⁵ words overflows nothing in double, but a few
 * hundred does).
 */
public final class Isotropy {
  private Isotropy() {}

  /** Isotropy before and after all-but-the-top with {@code components} directions removed. */
  public record Report(int size, int dim, double isotropy, int abttComponents, double isotropyAfterAbtt) {}

  /** I(V) of the rows of {@code v}. */
  public static double of(WordVectors v) {
    return Math.exp(logRatio(v.matrix(), v.size(), v.dim()));
  }

  /** I(V) before and after {@link AllButTheTop} with its default number of directions (d/100). */
  public static Report report(WordVectors v) {
    return report(v, AllButTheTop.defaultComponents(v.dim()));
  }

  /** I(V) before and after {@link AllButTheTop} removing {@code components} directions. */
  public static Report report(WordVectors v, int components) {
    return new Report(v.size(), v.dim(), of(v), components, of(AllButTheTop.apply(v, components)));
  }

  /** log(min Z / max Z). */
  static double logRatio(float[] m, int n, int dim) {
    double[][] g = new double[dim][dim];
    for (int r = 0; r < n; r++) {
      int o = r * dim;
      for (int j = 0; j < dim; j++) {
        double a = m[o + j];
        if (a == 0) {
          continue;
        }
        for (int k = j; k < dim; k++) {
          g[j][k] += a * m[o + k];
        }
      }
    }
    for (int j = 0; j < dim; j++) {
      for (int k = 0; k < j; k++) {
        g[j][k] = g[k][j];
      }
    }
    double[][] ut = Eigenvectors.rows(g);
    // Streaming log-sum-exp per direction ±c over row chunks in parallel, merged in chunk order.
    int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / 256));
    double[][][] partial = IntStream.range(0, parts).parallel().mapToObj(p -> {
      double[] top = new double[2 * dim];
      double[] sum = new double[2 * dim];
      java.util.Arrays.fill(top, Double.NEGATIVE_INFINITY);
      int r0 = (int) ((long) n * p / parts);
      int r1 = (int) ((long) n * (p + 1) / parts);
      for (int r = r0; r < r1; r++) {
        int o = r * dim;
        for (int c = 0; c < dim; c++) {
          double[] uc = ut[c];
          double x = 0;
          for (int k = 0; k < dim; k++) {
            x += uc[k] * m[o + k];
          }
          add(top, sum, 2 * c, x);
          add(top, sum, 2 * c + 1, -x);
        }
      }
      return new double[][] {top, sum};
    }).toArray(double[][][]::new);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < 2 * dim; i++) {
      double top = Double.NEGATIVE_INFINITY;
      for (double[][] pr : partial) {
        top = Math.max(top, pr[0][i]);
      }
      double s = 0;
      for (double[][] pr : partial) {
        if (pr[0][i] != Double.NEGATIVE_INFINITY) {
          s += pr[1][i] * Math.exp(pr[0][i] - top);
        }
      }
      double z = top + Math.log(s);
      min = Math.min(min, z);
      max = Math.max(max, z);
    }
    return min - max;
  }

  /** Adds exp(x) to the running (max, scaled sum) pair at {@code i}. */
  private static void add(double[] top, double[] sum, int i, double x) {
    if (x <= top[i]) {
      sum[i] += Math.exp(x - top[i]);
    } else {
      sum[i] = sum[i] * Math.exp(top[i] - x) + 1;
      top[i] = x;
    }
  }
}
