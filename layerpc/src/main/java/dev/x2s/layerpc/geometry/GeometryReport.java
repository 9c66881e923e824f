package dev.x2s.layerpc.geometry;

import java.util.List;

/**
 * Everything {@code x2s analyze} computed: per-layer geometry of each teacher's occurrences and the
 * isotropy of each static vector set.
 */
public record GeometryReport(GeometryOptions options, List<TeacherGeometry> teachers, List<StaticSet> staticSets) {
  public GeometryReport {
    teachers = List.copyOf(teachers);
    staticSets = List.copyOf(staticSets);
  }

  /**
   * Isotropy of one static vector file.
   *
   * @param clusters the cluster view (Cai et al. 2021), or null when not asked for
   * @param lid local intrinsic dimension of the words (Cai et al. 2021), or null when not asked for
   */
  public record StaticSet(String name, String file, Isotropy.Report isotropy, ClusterIsotropy.Result clusters,
      LayerManifold.Lid lid) {
    public StaticSet(String name, String file, Isotropy.Report isotropy, ClusterIsotropy.Result clusters) {
      this(name, file, isotropy, clusters, null);
    }
  }
}
