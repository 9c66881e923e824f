package dev.x2s.layerpc.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class GeometryAnalyzerTest {
  private static final double EPS = 1e-6;
  private static final GeometryOptions OPTIONS = new GeometryOptions(42, 500, 20, 3, 128, 1000);

  @Test
  void toyLayerMatchesHandValues() throws IOException {
    LayerGeometry g = new GeometryAnalyzer(OPTIONS).analyze(ToyOccurrences.source("toy"), "mem", null)
        .layers().get(0);
    assertEquals(3, g.words());
    // mean of the per-word values of MetricsTest: (√2/3 − 1/3 + 59/75) / 3
    assertEquals((Math.sqrt(2) / 3 - 1.0 / 3 + 59.0 / 75) / 3, g.selfSimilarity(), EPS);
    // sentences with ≥ 2 stored occurrences: 0, 1, 2 (a and b)
    //   s0: (1,0),(1,0) → 1
    //   s1: (0,1),(2,0), mean (1,½) → (1/√5 + 2/√5)/2
    //   s2: (1,1),(−1,0), mean (0,½) → (1/√2 + 0)/2
    assertEquals(3, g.sentences());
    assertEquals((1 + 3 / (2 * Math.sqrt(5)) + 1 / (2 * Math.sqrt(2))) / 3, g.intraSentence(), EPS);
    // MEV per word (MetricsTest): a ¾ both ways; b 1 both ways; c 0.9881406 centred, 0.8608016 uncentred
    assertEquals((0.75 + 1 + (96 + Math.sqrt(8784)) / 192) / 3, g.mev().centred(), EPS);
    assertEquals((0.75 + 1 + (75 + Math.sqrt(2929)) / 150) / 3, g.mev().uncentred(), EPS);
    // the paper's baseline matrix holds all 9 occurrences (fewer than 1000): TruncatedSVD ratio of the
    // stacked toy rows, from numpy: u,s,vt = np.linalg.svd(X); (X@vt[0]).var()/X.var(0).sum()
    // = 0.6862055507404112 (scikit-learn TruncatedSVD(1, algorithm='arpack') gives 0.68620555)
    assertEquals(0.6862055507404112, g.paperMevBaseline(), EPS);
    assertEquals(g.mev().truncatedSvd() - 0.6862055507404112, g.mevPaperFigure(), EPS);
  }

  @Test
  void randomPairBaselineOfTwoLoneOccurrencesIsTheirCosine() throws IOException {
    // two words, one occurrence each, different sentences: every admissible pair is (x,y) or (y,x)
    // cos((1,0),(1,1)) = 1/√2
    InMemoryOccurrences s = InMemoryOccurrences.builder("two", 1, 2)
        .add("x", new float[][] {{1, 0}}, new long[] {0}, new int[] {0})
        .add("y", new float[][] {{1, 1}}, new long[] {1}, new int[] {0})
        .build();
    LayerGeometry g = new GeometryAnalyzer(new GeometryOptions(3, 50, 5, 2, 8, 10)).analyze(s, "mem", null)
        .layers().get(0);
    assertEquals(1 / Math.sqrt(2), g.randomPairCosine(), 1e-12);
    assertEquals(0, g.words()); // no word has ≥ 2 occurrences
    assertEquals(Double.NaN, g.selfSimilarity());
  }

  @Test
  void baselinesAreDeterministicForASeed() throws IOException {
    OccurrenceSource s = RandomOccurrences.source("r", 3, 16, 40, 11);
    GeometryOptions o = new GeometryOptions(5, 300, 10, 5, 6, 50);
    System.out.println("baselinesAreDeterministicForASeed: seeds 5 and 6");
    TeacherGeometry a = new GeometryAnalyzer(o).analyze(s, "mem", null);
    TeacherGeometry b = new GeometryAnalyzer(o).analyze(s, "mem", null);
    assertEquals(a, b);
    TeacherGeometry c = new GeometryAnalyzer(o.withSeed(6)).analyze(s, "mem", null);
    assertNotEquals(a.layers().get(0).randomPairCosine(), c.layers().get(0).randomPairCosine());
  }

  @Test
  void subsetIsSortedDistinctAndStable() {
    int[] x = GeometryAnalyzer.subset(100, 10, 9);
    assertEquals(10, java.util.Arrays.stream(x).distinct().count());
    for (int i = 1; i < x.length; i++) {
      assertEquals(true, x[i - 1] < x[i]);
    }
    assertEquals(java.util.Arrays.toString(x), java.util.Arrays.toString(GeometryAnalyzer.subset(100, 10, 9)));
  }
}
