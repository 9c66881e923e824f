package dev.x2s.evaluate.categorization;

/**
 * Lance–Williams updates: the distance from cluster k to the union of clusters i and j, from
 * d(k,i), d(k,j), d(i,j) and the cluster sizes. The formulas are those of scipy's {@code linkage}
 * (ward on euclidean distances, not squared ones).
 */
public enum Linkage {
  /** Ward's minimum variance; only meaningful with euclidean distances. */
  WARD,
  /** UPGMA: the mean pairwise distance. */
  AVERAGE,
  /** The maximum pairwise distance. */
  COMPLETE,
  /** The minimum pairwise distance. */
  SINGLE;

  double update(double dki, double dkj, double dij, int ni, int nj, int nk) {
    switch (this) {
      case WARD:
        double t = nk + ni + nj;
        double v = ((nk + ni) * dki * dki + (nk + nj) * dkj * dkj - nk * dij * dij) / t;
        return Math.sqrt(Math.max(0, v));
      case AVERAGE:
        return (ni * dki + nj * dkj) / (ni + nj);
      case COMPLETE:
        return Math.max(dki, dkj);
      case SINGLE:
        return Math.min(dki, dkj);
      default:
        throw new AssertionError(this);
    }
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
