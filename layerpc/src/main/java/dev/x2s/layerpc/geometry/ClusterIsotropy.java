package dev.x2s.layerpc.geometry;

import dev.x2s.vectors.WordVectors;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * The cluster view of isotropy (Cai et al., ICLR 2021): a space that is anisotropic as a whole can be
 * nearly isotropic inside its clusters. The vectors are split by k-means (k-means++ seeding from a
 * seeded generator), each cluster is made zero-mean, and I(V) of {@link Isotropy} is computed per
 * cluster. The number of clusters is given (Cai et al.'s code picks it in 2..15 by silhouette score).
 */
public final class ClusterIsotropy {
  private static final int MAX_ITERATIONS = 100;

  private ClusterIsotropy() {}

  /** Per-cluster sizes and isotropy (clusters with fewer than 2 members get NaN), and their mean. */
  public record Result(int k, int[] sizes, double[] isotropy) {
    /** Mean I(V) over clusters with a value. */
    public double mean() {
      return GeometryAnalyzer.nanMean(isotropy);
    }
  }

  /** Clusters {@code v} into {@code k} groups (seeded) and measures each group's centred isotropy. */
  public static Result of(WordVectors v, int k, long seed) {
    if (k < 1 || k > v.size()) {
      throw new IllegalArgumentException("clusters must be in [1, " + v.size() + "]: " + k);
    }
    int dim = v.dim();
    float[] m = v.matrix();
    List<IndexedPoint> points = new ArrayList<>(v.size());
    for (int r = 0; r < v.size(); r++) {
      double[] p = new double[dim];
      for (int j = 0; j < dim; j++) {
        p[j] = m[r * dim + j];
      }
      points.add(new IndexedPoint(r, p));
    }
    JDKRandomGenerator rnd = new JDKRandomGenerator();
    rnd.setSeed(seed);
    List<CentroidCluster<IndexedPoint>> clusters =
        new KMeansPlusPlusClusterer<IndexedPoint>(k, MAX_ITERATIONS, new EuclideanDistance(), rnd).cluster(points);
    int[] sizes = new int[clusters.size()];
    double[] iso = new double[clusters.size()];
    for (int c = 0; c < clusters.size(); c++) {
      List<IndexedPoint> members = clusters.get(c).getPoints();
      sizes[c] = members.size();
      if (members.size() < 2) {
        iso[c] = Double.NaN;
        continue;
      }
      double[] mean = new double[dim];
      for (IndexedPoint p : members) {
        for (int j = 0; j < dim; j++) {
          mean[j] += p.getPoint()[j] / members.size();
        }
      }
      float[] centred = new float[members.size() * dim];
      for (int i = 0; i < members.size(); i++) {
        double[] p = members.get(i).getPoint();
        for (int j = 0; j < dim; j++) {
          centred[i * dim + j] = (float) (p[j] - mean[j]);
        }
      }
      iso[c] = Math.exp(Isotropy.logRatio(centred, members.size(), dim));
    }
    return new Result(clusters.size(), sizes, iso);
  }

  /** A point with an identity of its own, so that duplicate vectors stay distinct members. */
  private static final class IndexedPoint extends DoublePoint {
    private final int row;

    IndexedPoint(int row, double[] p) {
      super(p);
      this.row = row;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof IndexedPoint q && q.row == row;
    }

    @Override
    public int hashCode() {
      return row;
    }
  }
}
