package dev.x2s.layerpc.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifoldAnalyzerTest {
  private static final int DIM = 12;
  private static final int CLUSTERS = 4;

  /*
   * A mixture of 4 isotropic Gaussian clusters far from the origin and from each other (centres 30·e_c
   * + 30·e_{c+4}): one common direction dominates the raw space, so I(V) is tiny, and the clusters are
   * plain (noise σ = 0.3: a sample of ~100 points of N(0, σ²I) has I(V) ≈ 0.9, a finite-sample effect that
   * grows with σ). MMS must pick k = 4; centring each cluster on its own mean must make it isotropic (I(V) of
   * each cluster near 1, and the whole cluster-centred sample too), and the random-pair cosine within
   * clusters must drop to about 0.
   */
  @Test
  void perClusterCentringMakesAMixtureOfIsotropicClustersIsotropic() throws IOException {
    InMemoryOccurrences src = mixture(5);
    ManifoldOptions o = new ManifoldOptions(2, 8, 0.1, 400, 2, 20, 1000, 200, null);
    TeacherGeometry t = new GeometryAnalyzer(new GeometryOptions(3, 2000, 20, 3, 128, 200), o)
        .analyze(src, "mem", null);
    LayerManifold m = t.manifold().get(0);
    assertEquals(CLUSTERS, m.clusters().k(), "silhouette " + java.util.Arrays.toString(m.clusters().silhouette()));
    assertTrue(m.clusters().mms() > 0.5, "MMS " + m.clusters().mms());
    assertTrue(m.isotropy().raw() < 1e-6, "raw I(V) " + m.isotropy().raw());
    assertTrue(m.isotropy().perClusterMean() > 0.8, "per-cluster I(V) " + m.isotropy().perClusterMean());
    assertTrue(m.isotropy().clusterCentred() > 0.8, "cluster-centred I(V) " + m.isotropy().clusterCentred());
    assertTrue(m.inter().raw() > 0.15, "raw inter cosine " + m.inter().raw()); // ≈ ¼: pairs in the same cluster
    assertEquals(0, m.inter().clusterCentred(), 0.05);
    // every occurrence is in some cluster, all in the sizes
    assertEquals(40 * 20, java.util.Arrays.stream(m.clusters().sizes()).sum());
    assertEquals(1, m.bands().stream().mapToLong(LayerManifold.FrequencyBand::occurrences).sum() / 800);
    assertNotNull(m.view());
  }

  /* JSON carries the manifold section and the PNGs are written. */
  @Test
  void writesJsonAndPlots(@TempDir Path dir) throws IOException {
    ManifoldOptions o = new ManifoldOptions(2, 5, 0.1, 200, 1, 10, 300, 50, "w3");
    TeacherGeometry t = new GeometryAnalyzer(new GeometryOptions(3, 200, 20, 3, 128, 200), o)
        .analyze(mixture(6), "mem", null);
    String json = GeometryJson.toJson(new GeometryReport(new GeometryOptions(3, 200, 20, 3, 128, 200), List.of(t),
        List.of()));
    JsonObject layer = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("teachers").get(0)
        .getAsJsonObject().getAsJsonArray("manifold").get(0).getAsJsonObject();
    assertEquals("w3", layer.getAsJsonObject("view").get("word").getAsString());
    assertTrue(layer.getAsJsonObject("lid").get("mean").getAsDouble() > 1);
    List<Path> files = ManifoldPlots.writeAll(List.of(t), dir);
    assertEquals(6, files.size());
    for (Path f : files) {
      assertTrue(Files.size(f) > 1000, f.toString());
    }
  }

  /** 40 words × 20 occurrences, word w in cluster w % 4, isotropic N(0, 0.3²) noise around the centre. */
  static InMemoryOccurrences mixture(long seed) {
    Random rnd = new Random(seed);
    InMemoryOccurrences.Builder b = InMemoryOccurrences.builder("mix", 1, DIM);
    for (int w = 0; w < 40; w++) {
      int c = w % CLUSTERS;
      float[] rows = new float[20 * DIM];
      long[] sent = new long[20];
      int[] pos = new int[20];
      for (int i = 0; i < 20; i++) {
        sent[i] = rnd.nextInt(100);
        pos[i] = w;
        for (int j = 0; j < DIM; j++) {
          double centre = (j == c || j == c + CLUSTERS) ? 30 : 0;
          rows[i * DIM + j] = (float) (centre + 0.3 * rnd.nextGaussian());
        }
      }
      b.add("w" + w, new float[][] {rows}, sent, pos);
    }
    return b.build();
  }
}
