package dev.x2s.x2static;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.teachers.testing.TopicTeacher;
import dev.x2s.testkit.TopicCorpus;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The student learns what the teacher knows. On the topic corpus the topic teacher's context of a
 * sentence points at the sentence's topic (e_t), so a working student must
 *
 * <ol>
 *   <li>make each topic word's nearest neighbour a word of the same topic;
 *   <li>give same-topic pairs a clearly higher cosine than different-topic pairs, after removing the
 *       vocabulary's mean vector (negative sampling pushes every word away from the average context, a
 *       direction all words then share and which lifts every cosine alike);
 *   <li>point each topic word at its own topic's direction in the teacher's space.
 * </ol>
 *
 * Each is compared with the student's 0-epoch start (its seeded initialisation). Check 3 is the one that
 * catches a flipped update sign: gradient ascent still groups a topic's words (all are pushed away from
 * the same e_t), so 1 and 2 pass, but it points them away from their topic.
 */
class TopicSeparationTest {
  private static final long SEED = 20260502L;

  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(DistillConfig.OptimizerKind.class)
  void studentSeparatesTopicsAlongTheTeachersDirections(DistillConfig.OptimizerKind optimizer) throws IOException {
    System.out.println("seed " + SEED + ", optimizer " + optimizer);
    Path corpus = TopicCorpus.write(tmp, "topics.txt", 300, SEED);
    Path out = tmp.resolve("student.vec");
    DistillConfig cfg = DistillConfig.defaults("fake-topics", corpus, out).toBuilder()
        .set(DistillConfig::cache, tmp.resolve("cache")).set(DistillConfig::seed, SEED)
        .set(DistillConfig::minCount, 5).set(DistillConfig::epochs, 10).set(DistillConfig::batchSentences, 16)
        .set(DistillConfig::optimizer, optimizer)
        .set(DistillConfig::lr, optimizer == DistillConfig.OptimizerKind.SGD ? 0.1 : 0.01)
        .set(DistillConfig::t, 0.1) // every word of a 40-word vocabulary is frequent: no subsampling
        .build();
    Distillation.run(cfg, id -> new TopicTeacher(TopicCorpus::topicOf, TopicCorpus.topics()), true);

    WordVectors trained = VectorFiles.read(out);
    List<String> words = new ArrayList<>();
    for (int t = 0; t < TopicCorpus.topics(); t++) {
      words.addAll(TopicCorpus.words(t));
    }
    for (String w : words) {
      assertTrue(trained.contains(w), "vocabulary lacks " + w);
    }
    WordVectors start = new WordVectors(trained.words().toArray(String[]::new),
        FusedCpuEngine.initialParameters(trained.size(), trained.dim(), SEED), trained.dim());

    double nn0 = neighbourAccuracy(start, words);
    double nn = neighbourAccuracy(trained, words);
    double margin0 = margin(centred(start), words);
    double margin = margin(centred(trained), words);
    double agree0 = teacherAgreement(start, words);
    double agree = teacherAgreement(trained, words);
    System.out.printf(Locale.ROOT, "nearest neighbour of the same topic: %.2f → %.2f; within − between topic cosine"
        + " (centred): %.3f → %.3f; pointing at their topic: %.2f → %.2f%n", nn0, nn, margin0, margin, agree0, agree);
    // a random start scores about 7/31 (neighbours), 0 (margin) and 1/4 (directions)
    assertTrue(nn >= 0.9 && nn > nn0 + 0.4, "neighbours " + nn0 + " → " + nn);
    assertTrue(margin > 0.5 && margin > margin0 + 0.4, "margin " + margin0 + " → " + margin);
    assertTrue(agree >= 0.9 && agree > agree0 + 0.4, "teacher directions " + agree0 + " → " + agree);
  }

  /** Share of words whose nearest other word (cosine) has the same topic. */
  private static double neighbourAccuracy(WordVectors v, List<String> words) {
    int right = 0;
    for (String a : words) {
      String nearest = null;
      double best = Double.NEGATIVE_INFINITY;
      for (String b : words) {
        double c = a.equals(b) ? Double.NEGATIVE_INFINITY : v.cosine(v.indexOf(a), v.indexOf(b));
        if (c > best) {
          best = c;
          nearest = b;
        }
      }
      right += TopicCorpus.topicOf(a) == TopicCorpus.topicOf(nearest) ? 1 : 0;
    }
    return (double) right / words.size();
  }

  /** The vectors minus their mean over the whole vocabulary. */
  private static WordVectors centred(WordVectors v) {
    float[] mean = v.mean();
    float[] x = v.matrix().clone();
    for (int i = 0; i < v.size(); i++) {
      for (int k = 0; k < v.dim(); k++) {
        x[i * v.dim() + k] -= mean[k];
      }
    }
    return new WordVectors(v.words().toArray(String[]::new), x, v.dim());
  }

  /** Mean cosine of same-topic word pairs minus that of different-topic pairs. */
  private static double margin(WordVectors v, List<String> words) {
    double within = 0;
    double between = 0;
    int nw = 0;
    int nb = 0;
    for (int i = 0; i < words.size(); i++) {
      for (int j = i + 1; j < words.size(); j++) {
        double c = v.cosine(v.indexOf(words.get(i)), v.indexOf(words.get(j)));
        if (TopicCorpus.topicOf(words.get(i)) == TopicCorpus.topicOf(words.get(j))) {
          within += c;
          nw++;
        } else {
          between += c;
          nb++;
        }
      }
    }
    return within / nw - between / nb;
  }

  /** Share of words whose vector has its highest cosine with its own topic's direction in the teacher. */
  private static double teacherAgreement(WordVectors v, List<String> words) {
    int right = 0;
    for (String w : words) {
      float[] u = v.vector(w);
      int best = -1;
      double bestCos = Double.NEGATIVE_INFINITY;
      for (int t = 0; t < TopicCorpus.topics(); t++) {
        double c = cosine(u, TopicTeacher.direction(t));
        if (c > bestCos) {
          bestCos = c;
          best = t;
        }
      }
      right += best == TopicCorpus.topicOf(w) ? 1 : 0;
    }
    return (double) right / words.size();
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int k = 0; k < a.length; k++) {
      dot += a[k] * b[k];
      na += a[k] * a[k];
      nb += b[k] * b[k];
    }
    return dot / Math.sqrt(na * nb);
  }
}
