package dev.x2s.cli;

import dev.x2s.pipeline.VectorLoading;
import dev.x2s.layerpc.geometry.ClusterIsotropy;
import dev.x2s.layerpc.geometry.GeometryAnalyzer;
import dev.x2s.layerpc.geometry.GeometryJson;
import dev.x2s.layerpc.geometry.GeometryOptions;
import dev.x2s.layerpc.geometry.GeometryReport;
import dev.x2s.layerpc.geometry.Isotropy;
import dev.x2s.layerpc.geometry.LayerGeometry;
import dev.x2s.layerpc.geometry.LayerManifold;
import dev.x2s.layerpc.geometry.LocalIntrinsicDimension;
import dev.x2s.layerpc.geometry.ManifoldOptions;
import dev.x2s.layerpc.geometry.ManifoldPlots;
import dev.x2s.layerpc.geometry.LayerPlots;
import dev.x2s.layerpc.geometry.StoreOccurrences;
import dev.x2s.layerpc.occurrence.OccurrenceStore;
import dev.x2s.layerpc.geometry.TeacherGeometry;
import dev.x2s.vectors.AllButTheTop;
import dev.x2s.vectors.ReadOptions;
import dev.x2s.vectors.WordVectors;
import dev.x2s.vectors.cluster.MaxMeanSilhouette;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code x2s analyze}: geometry of contextual representations (Ethayarajh 2019) per layer, one line
 * per teacher, and isotropy (Mu &amp; Viswanath 2018) of static vector sets. See docs/GEOMETRY.md.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Per-layer anisotropy, self-similarity, intra-sentence similarity and maximum explainable variance"
          + " of occurrence stores (raw, baseline, adjusted), and isotropy of static vector files before"
          + " and after all-but-the-top.",
      "Writes OUT/geometry.json and, with --store, one PNG per metric (layer on the x-axis, one line per store)."})
final class AnalyzeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--store", arity = "1..*", paramLabel = "FILE",
      description = "Occurrence store(s) (.x2o); one line per store in the plots.")
  List<Path> stores = new ArrayList<>();

  @Option(names = "--name", arity = "1..*", paramLabel = "NAME",
      description = "Plot labels for the stores, in order (default: the teacher id in the run.json beside"
          + " a store written by `x2s pc`, else the file name, else its directory's name).")
  List<String> names = new ArrayList<>();

  @Option(names = "--words", defaultValue = "2000", paramLabel = "N",
      description = "Analyse each store's N most frequent words (0: all); one layer of their vectors is held"
          + " in memory. Default: ${DEFAULT-VALUE}")
  int maxWords;

  @Option(names = "--vectors", arity = "1..*", paramLabel = "FILE",
      description = "Static vector file(s) (any format x2s reads) whose isotropy I(V) to report.")
  List<Path> vectors = new ArrayList<>();

  @Option(names = "--isotropy-words", defaultValue = "50000", paramLabel = "N",
      description = "Isotropy over the first N words of each vector file (0: all). Default: ${DEFAULT-VALUE}")
  int isotropyWords;

  @Option(names = "--abtt", defaultValue = "-1", paramLabel = "D",
      description = "Directions all-but-the-top removes before the second isotropy (default: dim/100).")
  int abtt;

  @Option(names = "--clusters", defaultValue = "0", paramLabel = "K",
      description = "Also k-means each vector file into K clusters and report each cluster's isotropy once"
          + " centred (Cai et al. 2021); 0: off. Default: ${DEFAULT-VALUE}")
  int clusters;

  @Option(names = "--manifold",
      description = "Also the cluster, manifold and frequency view of Cai et al. (2021): per layer k-means with k"
          + " chosen by maximum mean silhouette, isotropy and similarities after per-cluster centring, local"
          + " intrinsic dimension, frequency bands and a 3-D PCA view of one word; for --vectors, LID and the"
          + " cluster isotropy with k chosen the same way (unless --clusters K).")
  boolean manifold;

  @Option(names = "--k-range", defaultValue = "2-15", paramLabel = "MIN-MAX",
      description = "Numbers of clusters tried by --manifold. Default: ${DEFAULT-VALUE}")
  String kRange;

  @Option(names = "--cluster-points", defaultValue = "2000", paramLabel = "N",
      description = "Random occurrences (words for --vectors) that k-means and the silhouette run on. Default: ${DEFAULT-VALUE}")
  int clusterPoints;

  @Option(names = "--kmeans-restarts", defaultValue = "2", paramLabel = "N",
      description = "k-means runs per k (lowest inertia kept). Default: ${DEFAULT-VALUE}")
  int restarts;

  @Option(names = "--lid-k", defaultValue = "100", paramLabel = "K",
      description = "Neighbours of the LID estimate (Cai et al.: 100). Default: ${DEFAULT-VALUE}")
  int lidK;

  @Option(names = "--lid-points", defaultValue = "10000", paramLabel = "N",
      description = "Random occurrences (or words) among which LID neighbours are searched. Default: ${DEFAULT-VALUE}")
  int lidPoints;

  @Option(names = "--lid-queries", defaultValue = "500", paramLabel = "N",
      description = "Points whose LID is estimated. Default: ${DEFAULT-VALUE}")
  int lidQueries;

  @Option(names = "--view-word", paramLabel = "WORD",
      description = "Word of the 3-D PCA view (default: the store's most frequent analysed word).")
  String viewWord;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of every random draw. Default: ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--baseline-samples", defaultValue = "10000", paramLabel = "N",
      description = "Random occurrence pairs for the cosine (anisotropy) baseline. Default: ${DEFAULT-VALUE}")
  int baselinePairs;

  @Option(names = "--baseline-sets", defaultValue = "200", paramLabel = "N",
      description = "Random occurrence sets / pseudo-sentences for the MEV and intra-sentence baselines."
          + " Default: ${DEFAULT-VALUE}")
  int baselineSets;

  @Option(names = "--min-occurrences", defaultValue = "5", paramLabel = "N",
      description = "Words with fewer stored occurrences are left out of self-similarity and MEV."
          + " Default: ${DEFAULT-VALUE}")
  int minOccurrences;

  @Option(names = "--max-occurrences", defaultValue = "128", paramLabel = "N",
      description = "MEV uses at most N occurrences of a word (seeded subset). Default: ${DEFAULT-VALUE}")
  int maxOccurrences;

  @Option(names = "--paper-baseline-size", defaultValue = "1000", paramLabel = "N",
      description = "Occurrences in the paper's single MEV baseline matrix. Default: ${DEFAULT-VALUE}")
  int paperBaselineSize;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (stores.isEmpty() && vectors.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "nothing to analyse: give --store and/or --vectors");
    }
    if (!names.isEmpty() && names.size() != stores.size()) {
      throw new ParameterException(spec.commandLine(),
          names.size() + " --name labels for " + stores.size() + " --store directories");
    }
    GeometryOptions options;
    try {
      options = new GeometryOptions(seed, baselinePairs, baselineSets, minOccurrences, maxOccurrences,
          paperBaselineSize);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ManifoldOptions manifoldOptions = null;
    if (manifold) {
      String[] r = kRange.split("-");
      try {
        if (r.length != 2) {
          throw new IllegalArgumentException("--k-range must be MIN-MAX, e.g. 2-15: " + kRange);
        }
        manifoldOptions = new ManifoldOptions(Integer.parseInt(r[0].trim()), Integer.parseInt(r[1].trim()),
            MaxMeanSilhouette.PAPER_THRESHOLD, clusterPoints, restarts, lidK, lidPoints, lidQueries, viewWord);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    List<TeacherGeometry> teachers = new ArrayList<>();
    for (int i = 0; i < stores.size(); i++) {
      Path file = stores.get(i);
      try (OccurrenceStore store = OccurrenceStore.open(file)) {
        String name = names.isEmpty() ? defaultName(file) : names.get(i);
        StoreOccurrences source = StoreOccurrences.of(store, name, maxWords);
        if (!quiet) {
          System.err.printf("%s: %,d of %,d words, %d layers × %d, %,d MB per layer in memory%n", file,
              source.words().size(), store.wordCount(), source.layers(), source.dim(),
              source.layerBytes() >> 20);
        }
        if (viewWord != null && manifold && !source.words().contains(viewWord)) {
          throw new ParameterException(spec.commandLine(), "--view-word '" + viewWord + "' is not among the "
              + source.words().size() + " analysed words of " + file);
        }
        TeacherGeometry t = new GeometryAnalyzer(options, manifoldOptions).analyze(source, file.toString(), layer -> {
          if (!quiet) {
            System.err.printf("  layer %d done%n", layer);
          }
        });
        teachers.add(t);
        print(t);
        printManifold(t);
      }
    }
    List<GeometryReport.StaticSet> sets = new ArrayList<>();
    for (Path file : vectors) {
      ReadOptions ro = ReadOptions.defaults();
      if (isotropyWords > 0) {
        ro = ro.withLimit(isotropyWords);
      }
      WordVectors v = VectorLoading.load(file, ro, quiet).vectors();
      int d = abtt >= 0 ? abtt : AllButTheTop.defaultComponents(v.dim());
      Isotropy.Report r = Isotropy.report(v, d);
      System.out.printf("%s: I(V) = %.4g over %,d words × %d; after all-but-the-top (D=%d): %.4g%n",
          file.getFileName(), r.isotropy(), r.size(), r.dim(), d, r.isotropyAfterAbtt());
      ClusterIsotropy.Result cr = null;
      LayerManifold.Lid lid = null;
      if (manifold) {
        lid = LayerManifold.Lid.of(LocalIntrinsicDimension.of(v, lidK, lidPoints, lidQueries, seed));
        System.out.printf("  LID (K=%d, %,d words, %d queries): mean %.2f, sd %.2f, median %.2f%n", lid.k(),
            lid.points(), lid.queries(), lid.mean(), lid.std(), lid.median());
        if (clusters <= 0) {
          cr = ClusterIsotropy.chosen(v, manifoldOptions, seed);
          System.out.printf("  k by MMS = %d (MMS %.3f over k %s), centred: mean I(V) = %.4g, sizes %s%n", cr.k(),
              cr.mms(), kRange, cr.mean(), java.util.Arrays.toString(cr.sizes()));
        }
      }
      if (clusters > 0) {
        cr = ClusterIsotropy.of(v, Math.min(clusters, v.size()), seed);
        System.out.printf("  %d clusters, centred: mean I(V) = %.4g, sizes %s%n", cr.k(), cr.mean(),
            java.util.Arrays.toString(cr.sizes()));
      }
      sets.add(new GeometryReport.StaticSet(file.getFileName().toString(), file.toString(), r, cr, lid));
    }
    GeometryReport report = new GeometryReport(options, teachers, sets);
    Path json = out.resolve("geometry.json");
    GeometryJson.write(report, json);
    System.out.println("wrote " + json);
    if (!teachers.isEmpty()) {
      for (Path p : LayerPlots.writeAll(teachers, out)) {
        System.out.println("wrote " + p);
      }
      for (Path p : ManifoldPlots.writeAll(teachers, out)) {
        System.out.println("wrote " + p);
      }
    }
    return 0;
  }

  /**
   * The teacher id from the {@code run.json} that {@code x2s pc} writes beside its store, else the file
   * name without {@code .x2o} (the directory's name for {@code occurrences.x2o}).
   */
  static String defaultName(Path store) {
    Path dir = store.toAbsolutePath().getParent();
    Path runJson = dir == null ? null : dir.resolve("run.json");
    if (runJson != null && java.nio.file.Files.isRegularFile(runJson)) {
      try {
        com.google.gson.JsonElement teacher = com.google.gson.JsonParser.parseString(
            java.nio.file.Files.readString(runJson)).getAsJsonObject().get("teacher");
        if (teacher != null && teacher.isJsonObject() && teacher.getAsJsonObject().has("id")) {
          return teacher.getAsJsonObject().get("id").getAsString();
        }
      } catch (java.io.IOException | RuntimeException e) {
        // not a run.json we understand: fall back to the file name
      }
    }
    String base = store.getFileName().toString().replaceFirst("\\.x2o$", "");
    return base.equals("occurrences") && dir != null && dir.getFileName() != null
        ? dir.getFileName().toString() : base;
  }

  private static void printManifold(TeacherGeometry t) {
    if (t.manifold().isEmpty()) {
      return;
    }
    System.out.println("  clusters, isotropy within clusters, LID (Cai et al. 2021; cc = cluster-centred)");
    System.out.printf("%5s %3s %6s %9s %9s %9s %8s %8s %8s %8s %7s %6s%n", "layer", "k", "MMS", "I(V)", "I(V)cc",
        "I(V)clus", "inter", "inter.cc", "self", "self.cc", "LID", "sd");
    for (LayerManifold m : t.manifold()) {
      System.out.printf("%5d %3d %6.3f %9.3g %9.3g %9.3g %8.4f %8.4f %8.4f %8.4f %7.2f %6.2f%n", m.layer(),
          m.clusters().k(), m.clusters().mms(), m.isotropy().raw(), m.isotropy().clusterCentred(),
          m.isotropy().perClusterMean(), m.inter().raw(), m.inter().clusterCentred(), m.self().raw(),
          m.self().clusterCentred(), m.lid().mean(), m.lid().std());
    }
  }

  private static void print(TeacherGeometry t) {
    System.out.println(t.name() + " (" + t.source() + ")");
    System.out.printf("%5s %7s %9s %9s %9s %9s %9s %9s%n", "layer", "words", "aniso", "selfsim*",
        "intra*", "mevC*", "mevPaper", "mevCraw");
    for (LayerGeometry g : t.layers()) {
      System.out.printf("%5d %7d %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f%n", g.layer(), g.words(),
          g.randomPairCosine(), g.selfSimilarityAdjusted(), g.intraSentenceAdjustedPaper(),
          g.mevCentredAdjusted(), g.mevPaperFigure(), g.mev().centred());
    }
    System.out.println("  (* anisotropy-adjusted; see docs/GEOMETRY.md)");
  }
}
