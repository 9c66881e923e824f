package dev.x2s.evaluate;

import dev.x2s.evaluate.data.AnalogyLoader;
import dev.x2s.evaluate.data.CategorizationLoader;
import dev.x2s.evaluate.data.DevSplit;
import dev.x2s.evaluate.data.SemEvalLoader;
import dev.x2s.evaluate.data.SimilarityLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The benchmarks x2s knows by id, with their paths relative to the benchmark data directory. Paths
 * are turned into local files by a resolver supplied by the caller (the CLI plugs in the dataset
 * resolver; tests use {@code dir::resolve}).
 */
public final class StandardBenchmarks {
  /** What a benchmark measures, which decides its loader and scorer. */
  public enum Kind {
    SIMILARITY,
    ANALOGY,
    CATEGORIZATION,
    RELATIONAL
  }

  /** One catalogue entry; {@code path} is relative to the benchmark data directory. */
  public record Entry(String id, Kind kind, String path, String title) {}

  /** Google's first five sections are semantic, the other nine syntactic. */
  public static final int GOOGLE_SEMANTIC_SECTIONS = 5;

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
  /**
   * The halves of SimLex-999 and MEN ({@link DevSplit}, seed {@link DevSplit#SEED}): loadable by id, not
   * part of {@link #ids()}; recipes are chosen on {@code -dev} and reported on both.
   */
  private static final Map<String, Entry> SPLITS = new LinkedHashMap<>();

  static {
    add("simlex999", Kind.SIMILARITY, "similarity/SimLex-999.txt", "SimLex-999");
    add("men", Kind.SIMILARITY, "similarity/MEN-3k.txt", "MEN-3k");
    add("ws353", Kind.SIMILARITY, "similarity/WS-353-ALL.txt", "WordSim-353 (all)");
    add("ws353-sim", Kind.SIMILARITY, "similarity/WS-353-SIM.txt", "WordSim-353 similarity");
    add("ws353-rel", Kind.SIMILARITY, "similarity/WS-353-REL.txt", "WordSim-353 relatedness");
    add("rw", Kind.SIMILARITY, "similarity/RW-2034.tsv", "Stanford Rare Words");
    add("google", Kind.ANALOGY, "analogy/google-questions-words.txt", "Google analogies");
    add("msr", Kind.ANALOGY, "analogy/msr.csv", "MSR analogies");
    add("bless", Kind.CATEGORIZATION, "categorization/bless.csv", "BLESS categorization");
    add("ap", Kind.CATEGORIZATION, "categorization/ap.csv", "Almuhareb-Poesio categorization");
    add("semeval2012", Kind.RELATIONAL, "relational/semeval2012-task2", "SemEval-2012 Task 2");
    for (String id : List.of("simlex999", "men")) {
      Entry e = ENTRIES.get(id);
      SPLITS.put(id + "-dev", new Entry(id + "-dev", e.kind(), e.path(), e.title() + ", development half"));
      SPLITS.put(id + "-test", new Entry(id + "-test", e.kind(), e.path(), e.title() + ", test half"));
    }
  }


  private static void add(String id, Kind kind, String path, String title) {
    ENTRIES.put(id, new Entry(id, kind, path, title));
  }

  private final Function<String, Path> resolver;

  /** @param resolver relative path (as in {@link Entry#path()}) → local file or directory */
  public StandardBenchmarks(Function<String, Path> resolver) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /** The catalogue over a local copy of the benchmark data directory. */
  public static StandardBenchmarks under(Path dataDir) {
    return new StandardBenchmarks(dataDir::resolve);
  }

  /** Every id, in report order. */
  public static List<String> ids() {
    return List.copyOf(ENTRIES.keySet());
  }

  /** The ids of the development and test halves. */
  public static List<String> splitIds() {
    return List.copyOf(SPLITS.keySet());
  }

  public static Entry entry(String id) {
    Entry e = ENTRIES.containsKey(id) ? ENTRIES.get(id) : SPLITS.get(id);
    if (e == null) {
      throw new IllegalArgumentException("unknown benchmark '" + id + "'; known: " + ids() + " and the halves " + splitIds());
    }
    return e;
  }

  /** The local path of benchmark {@code id}. */
  public Path path(String id) {
    return resolver.apply(entry(id).path());
  }

  /** Loads benchmark {@code id}. */
  public Benchmark load(String id) throws IOException {
    Entry e = entry(id);
    Path p = path(id);
    switch (id) {
      case "simlex999":
        return Benchmarks.similarity(id, SimilarityLoader.simLex999(p));
      case "men":
        return Benchmarks.similarity(id, SimilarityLoader.men(p));
      case "simlex999-dev", "simlex999-test":
        return Benchmarks.similarity(id, DevSplit.half(SimilarityLoader.simLex999(p), DevSplit.SEED, id.endsWith("-dev")));
      case "men-dev", "men-test":
        return Benchmarks.similarity(id, DevSplit.half(SimilarityLoader.men(p), DevSplit.SEED, id.endsWith("-dev")));
      case "ws353":
      case "ws353-sim":
      case "ws353-rel":
        return Benchmarks.similarity(id, SimilarityLoader.ws353(p));
      case "rw":
        return Benchmarks.similarity(id, SimilarityLoader.rareWords(p));
      case "google":
        return Benchmarks.analogy(id, AnalogyLoader.questionsWords(p), GOOGLE_SEMANTIC_SECTIONS);
      case "msr":
        return Benchmarks.analogy(id, AnalogyLoader.msr(p), 0);
      case "bless":
      case "ap":
        return Benchmarks.categorization(id, CategorizationLoader.load(p));
      case "semeval2012":
        return Benchmarks.semEval(id, SemEvalLoader.load(p));
      default:
        throw new AssertionError(e);
    }
  }

  /** Loads the given ids in catalogue order (duplicates once). */
  public List<Benchmark> load(Collection<String> ids) throws IOException {
    for (String id : ids) {
      entry(id);
    }
    List<Benchmark> out = new ArrayList<>();
    for (String id : ids()) {
      if (ids.contains(id)) {
        out.add(load(id));
      }
    }
    return out;
  }
}
