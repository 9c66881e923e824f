package dev.x2s.layerpc;

import dev.x2s.corpus.Sentence;
import dev.x2s.teachers.extract.ContextExtractor;
import dev.x2s.teachers.extract.ExtractionOptions;
import dev.x2s.layerpc.occurrence.OccurrenceStore;
import dev.x2s.layerpc.occurrence.RunningSums;
import dev.x2s.layerpc.occurrence.SamplePlan;
import dev.x2s.jobs.Progress;
import dev.x2s.jobs.Provenance;
import dev.x2s.teachers.Teacher;
import dev.x2s.vectors.VectorFiles;
import dev.x2s.vectors.VectorFormat;
import dev.x2s.vectors.WordVectors;
import dev.x2s.vectors.WriteOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The static vectors of one layer by each method. */
public final class StaticVectors {
  /** Words per teacher call when words are encoded alone. */
  static final int DECONTEXT_BATCH = 1024;

  private StaticVectors() {}

  /**
   * Vectors of one (method, layer).
   *
   * @param omitted words with no vector (zero or constant occurrence matrix)
   */
  public record Result(String[] words, float[] matrix, int dim, long omitted) {
    /** Writes {@code file} (x2v, fp32) and {@code file.provenance.json}, both atomically. */
    public void write(Path file, Provenance provenance) throws IOException {
      VectorFiles.write(new WordVectors(words, matrix, dim), file, VectorFormat.X2V, WriteOptions.defaults());
      provenance.writeFor(file);
    }
  }

  /** PC per word from the store's samples at {@code layer}; words in store order. Parallel over words. */
  public static Result pc(OccurrenceStore store, int layer, boolean centred) {
    int n = store.wordCount();
    int dim = store.dim();
    float[][] out = new float[n][];
    IntStream.range(0, n).parallel().forEach(w ->
        out[w] = PrincipalComponent.top(store.matrix(w, layer), store.slotCount(w), dim, centred));
    return collect(n, dim, out, store::word);
  }

  /** Mean of all occurrences: sums / occurrences, in the plan's word order. */
  public static Result mean(SamplePlan plan, RunningSums sums, int layerIndex, int dim) {
    int n = plan.size();
    float[][] out = new float[n][];
    double[] row = new double[dim];
    for (int w = 0; w < n; w++) {
      sums.row(w, layerIndex, row);
      float[] v = new float[dim];
      double c = plan.occurrences(w);
      for (int d = 0; d < dim; d++) {
        v[d] = (float) (row[d] / c);
      }
      out[w] = v;
    }
    String[] words = plan.words();
    return collect(n, dim, out, w -> words[w]);
  }

  /**
   * Each word encoded alone as a one-word sentence (the teacher adds its special tokens), for every
   * requested layer: one result per layer, words in list order. An entry with spaces or underscores
   * ({@code formic acid}, {@code new_york}) is a phrase: its words are encoded together and its vector is
   * the mean of theirs.
   */
  public static List<Result> decontext(Teacher teacher, List<String> words, int[] layers, ExtractionOptions e) {
    int maxLayer = layers[layers.length - 1];
    int dim = teacher.info().dim();
    // a word alone is a handful of pieces: batches of DECONTEXT_BATCH words keep each encoder call large
    // enough that its fixed costs (2-thread barriers per operator) do not dominate (measured 1.9× faster
    // than 32-word batches on MiniLM, 2,000 words at load 68: 14.7 s vs 28.1 s)
    ExtractionOptions ex = new ExtractionOptions(maxLayer, e.pooling(), Math.max(e.batchSize(), DECONTEXT_BATCH),
        Math.max(e.maxPiecesPerBatch(), DECONTEXT_BATCH * 8), e.readAheadBatches(), e.lengthMeasure(),
        e.maxBufferedValues());
    float[][] matrices = new float[layers.length][words.size() * dim];
    List<Sentence> sentences = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      sentences.add(new Sentence(i, phraseWords(words.get(i))));
    }
    new ContextExtractor(teacher, ex).run(sentences.iterator(), (s, states) -> {
      int n = s.words().size();
      for (int li = 0; li < layers.length; li++) {
        int at = (int) s.id() * dim;
        for (int w = 0; w < n; w++) {
          int o = states.offset(layers[li], w);
          for (int d = 0; d < dim; d++) {
            matrices[li][at + d] += states.data()[o + d] / n;
          }
        }
      }
    }, Progress.silent("decontext"));
    List<Result> out = new ArrayList<>();
    for (float[] m : matrices) {
      out.add(new Result(words.toArray(new String[0]), m, dim, 0));
    }
    return out;
  }

  /** The words of a list entry: split at spaces and underscores (a phrase), else the entry itself. */
  static List<String> phraseWords(String entry) {
    List<String> parts = new ArrayList<>();
    for (String p : entry.split("[ _]+")) {
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    return parts.isEmpty() ? List.of(entry) : parts;
  }

  private static Result collect(int n, int dim, float[][] rows, java.util.function.IntFunction<String> word) {
    int kept = 0;
    for (float[] r : rows) {
      if (r != null) {
        kept++;
      }
    }
    String[] words = new String[kept];
    float[] m = new float[kept * dim];
    int i = 0;
    for (int w = 0; w < n; w++) {
      if (rows[w] != null) {
        words[i] = word.apply(w);
        System.arraycopy(rows[w], 0, m, i * dim, dim);
        i++;
      }
    }
    return new Result(words, m, dim, n - kept);
  }
}
