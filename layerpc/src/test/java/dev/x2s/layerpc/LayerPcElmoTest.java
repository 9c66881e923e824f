package dev.x2s.layerpc;

import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.x2s.corpus.Sentence;
import dev.x2s.jobs.options.LayerSpec;
import dev.x2s.teachers.elmo.ElmoTeacher;
import dev.x2s.layerpc.occurrence.OccurrenceStore;
import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.WordStates;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job with a real teacher (AllenNLP's tiny ELMo fixture): stored samples and means agree with the
 * teacher run directly on the whole corpus in one call (an independent path: other batches, no store, no sums).
 */
class LayerPcElmoTest {
  @TempDir Path dir;

  @Test
  void storeAndMeanAgreeWithTheTeacherRunDirectly() throws IOException {
    Path fixture = SharedData.dir().resolve("fixtures/elmo-tiny");
    Path corpus = LayerPcJobTest.corpus(dir, 30, 5);
    Path out = dir.resolve("out");
    int[] layers = {0, 1, 2};
    LayerPcOptions o = LayerPcOptions.defaults("elmo-tiny", corpus, out, LayerSpec.of(layers),
            EnumSet.of(Method.PC, Method.MEAN)).toBuilder()
        .set(LayerPcOptions::samplesPerWord, 4).set(LayerPcOptions::minContexts, 5).set(LayerPcOptions::seed, 3L)
        .set(LayerPcOptions::batchSize, 8).set(LayerPcOptions::maxPieces, 512).set(LayerPcOptions::chunkSentences, 32)
        .build();
    try (ElmoTeacher elmo = ElmoTeacher.open(fixture.resolve("options.json"), fixture.resolve("lm_weights.hdf5"))) {
      new LayerPcJob(o, elmo, System.err, true).run();
      List<Sentence> sentences = LayerPcJobTest.read(corpus);
      // one call in corpus order: batches unlike the job's (8 per call, sorted by length)
      List<WordStates> direct = elmo.encode(sentences.stream().map(Sentence::words).toList(), 2, PiecePooling.MEAN);
      Map<Long, WordStates> bySentence = new HashMap<>();
      for (Sentence s : sentences) {
        bySentence.put(s.id(), direct.get((int) s.id()));
      }
      int dim = elmo.info().dim();
      try (OccurrenceStore store = OccurrenceStore.open(out.resolve(LayerPcJob.STORE))) {
        assertTrue(store.wordCount() > 5, "words kept: " + store.wordCount());
        for (int w = 0; w < store.wordCount(); w++) {
          for (int i = 0; i < store.slotCount(w); i++) {
            long slot = store.slotBase(w) + i;
            WordStates ws = bySentence.get(store.sentenceId(slot));
            assertEquals(store.word(w), sentences.get((int) store.sentenceId(slot)).words().get(store.position(slot)));
            for (int layer : layers) {
              float[] v = store.vectors(w, layer)[i];
              for (int d = 0; d < dim; d++) {
                float e = ws.get(layer, store.position(slot), d);
                assertEquals(e, v[d], 1e-3 * Math.max(1, Math.abs(e)), store.word(w) + " layer " + layer);
              }
            }
          }
        }
        WordVectors mean2 = VectorFiles.read(out.resolve("mean-layer2.x2v"));
        for (int w = 0; w < store.wordCount(); w++) {
          double[] sum = new double[dim];
          long n = 0;
          for (Sentence s : sentences) {
            for (int p = 0; p < s.size(); p++) {
              if (s.words().get(p).equals(store.word(w))) {
                n++;
                for (int d = 0; d < dim; d++) {
                  sum[d] += bySentence.get(s.id()).get(2, p, d);
                }
              }
            }
          }
          assertEquals(n, store.occurrences(w));
          float[] m = mean2.vector(store.word(w));
          for (int d = 0; d < dim; d++) {
            assertEquals(sum[d] / n, m[d], 1e-4 * Math.max(1, Math.abs(sum[d] / n)), store.word(w));
          }
        }
      }
      assertTrue(Files.exists(out.resolve("pc-layer0.x2v.provenance.json")));
    }
  }
}
