package dev.x2s.cli;

import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.teachers.extract.ExtractionOptions;
import dev.x2s.layerpc.LayerPcJob;
import dev.x2s.layerpc.LayerPcOptions;
import dev.x2s.layerpc.Method;
import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.teachers.registry.Teachers;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code x2s pc}: static vectors per layer from a teacher's contextual vectors (layer PC, mean, decontext). */
@Command(name = "pc", mixinStandardHelpOptions = true,
    description = "Static vectors per layer from a contextual teacher over a corpus: pc (Ethayarajh 2019), "
        + "pc-centred, mean (Bommasani et al. 2020), decontext (the word alone). Resumable: rerun the same "
        + "command after an interruption.")
final class PcCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--teacher", required = true, paramLabel = "ID",
      description = "Teacher id (all-minilm-l6-v2, bert-base-uncased, …) or an ELMo/GPT-2 directory.")
  String teacherId;

  @Option(names = "--corpus", paramLabel = "FILE", description = "Corpus (plain or WikiExtractor, gzip ok).")
  Path corpus;

  @Option(names = "--layers", required = true, paramLabel = "SPEC", description = "Layers: 0-12, 0,6,12 or 12.")
  String layers;

  @Option(names = "--method", split = ",", defaultValue = "pc", paramLabel = "M",
      description = "pc, pc-centred, mean, decontext (comma-separated). Default: ${DEFAULT-VALUE}")
  List<String> methods;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(names = "--samples", defaultValue = "100", description = "Occurrences sampled per word for pc. Default: ${DEFAULT-VALUE}")
  int samples;

  @Option(names = "--min-contexts", defaultValue = "5", description = "Ignore words in fewer distinct sentences. Default: ${DEFAULT-VALUE}")
  int minContexts;

  @Option(names = "--seed", defaultValue = "1", description = "Sampling seed. Default: ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--max-sentences", description = "Read at most this many sentences of the corpus.")
  Long maxSentences;

  @Option(names = "--max-vocab", defaultValue = "2000000", description = "Most entries of the word-count table (pruned beyond, as word2vec). Default: ${DEFAULT-VALUE}")
  int maxVocab;

  @Option(names = "--max-words", defaultValue = "1000000", description = "Most words kept (the most frequent). Default: ${DEFAULT-VALUE}")
  int maxWords;

  @Option(names = "--words", paramLabel = "FILE", description = "Word list (one a line) for decontext and coverage.")
  Path words;

  @Option(names = "--splitter", defaultValue = "rules", description = "rules, break-iterator or none. Default: ${DEFAULT-VALUE}")
  String splitter;

  @Option(names = "--lower", description = "Lower-case the corpus words: case variants become one word (natural for "
      + "uncased teachers; the teacher sees the lower-cased text, as with x2s distill).")
  boolean lower;

  @Option(names = "--pooling", defaultValue = "mean", description = "Pieces → word: mean, first, last. Default: ${DEFAULT-VALUE}")
  String pooling;

  @Option(names = "--batch-size", defaultValue = "32", description = "Sentences per teacher call. Default: ${DEFAULT-VALUE}")
  int batchSize;

  @Option(names = "--max-pieces", defaultValue = "8192", description = "Padded pieces per teacher call. Default: ${DEFAULT-VALUE}")
  int maxPieces;

  @Option(names = "--chunk-sentences", defaultValue = "1024", description = "Sentences per chunk, the unit of checkpoints (batches never cross chunks). Default: ${DEFAULT-VALUE}")
  int chunkSentences;

  @Option(names = "--checkpoint-sentences", defaultValue = "50000", description = "Checkpoint every N sentences… Default: ${DEFAULT-VALUE}")
  long checkpointSentences;

  @Option(names = "--checkpoint-seconds", defaultValue = "600", description = "…or every T seconds. Default: ${DEFAULT-VALUE}")
  long checkpointSeconds;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    int[] layerList = parseLayers(layers);
    EnumSet<Method> ms = EnumSet.noneOf(Method.class);
    for (String m : methods) {
      try {
        ms.add(Method.parse(m));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    boolean corpusNeeded = ms.contains(Method.PC) || ms.contains(Method.PC_CENTRED) || ms.contains(Method.MEAN);
    if (corpusNeeded && corpus == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--corpus is required for pc, pc-centred and mean");
    }
    SentenceSplitter.Kind split = switch (splitter.toLowerCase(Locale.ROOT)) {
      case "rules" -> SentenceSplitter.Kind.RULES;
      case "break-iterator" -> SentenceSplitter.Kind.BREAK_ITERATOR;
      case "none" -> SentenceSplitter.Kind.NONE;
      default -> throw new CommandLine.ParameterException(spec.commandLine(), "--splitter: rules, break-iterator or none");
    };
    PiecePooling pool = PiecePooling.valueOf(pooling.toUpperCase(Locale.ROOT));
    int maxLayer = layerList[layerList.length - 1];
    LayerPcOptions o = LayerPcOptions.defaults(corpus, out, layerList, ms);
    o = o.with(samples, minContexts, seed, maxSentences == null ? Long.MAX_VALUE : maxSentences)
        .withLimits(maxVocab, maxWords)
        .withDecontextWords(words)
        .withExtraction(ExtractionOptions.defaults(maxLayer).withBatch(batchSize, maxPieces).withPooling(pool),
            chunkSentences)
        .withCheckpoints(checkpointSentences, checkpointSeconds);
    o = new LayerPcOptions(o.corpus(), o.out(), o.layers(), o.methods(), o.samplesPerWord(), o.minContexts(), o.seed(),
        o.maxSentences(), o.maxVocab(), o.maxWords(), o.decontextWords(), split, o.extraction(), o.chunkSentences(),
        o.checkpointSentences(), o.checkpointSeconds(), lower);
    long t0 = System.nanoTime();
    try (Teacher teacher = openTeacher(teacherId)) {
      if (!quiet) {
        System.err.printf("x2s pc: teacher %s (%d layers × %d) loaded in %.1f s%n", teacher.info().id(),
            teacher.info().numLayers(), teacher.info().dim(), (System.nanoTime() - t0) / 1e9);
      }
      try {
        LayerPcJob.validate(o, teacher.info());
      } catch (IllegalArgumentException e) {
        System.err.println("x2s pc: " + e.getMessage());
        return 2;
      }
      List<Path> files;
      try {
        files = new LayerPcJob(o, teacher, System.err, quiet).run();
      } catch (IllegalArgumentException e) {
        System.err.println("x2s pc: " + e.getMessage());
        return 2;
      }
      if (!quiet) {
        System.err.printf("x2s pc: done in %.1f s, %d files in %s%n", (System.nanoTime() - t0) / 1e9, files.size(), out);
      }
    }
    return 0;
  }

  /** {@code 0-12}, {@code 0,6,12}, {@code 3-5,12}: increasing, distinct. */
  static int[] parseLayers(String spec) {
    TreeSet<Integer> set = new TreeSet<>();
    for (String part : spec.split(",")) {
      String p = part.strip();
      try {
        int dash = p.indexOf('-', 1);
        if (dash > 0) {
          int a = Integer.parseInt(p.substring(0, dash).strip());
          int b = Integer.parseInt(p.substring(dash + 1).strip());
          if (a < 0 || b < a) {
            throw new IllegalArgumentException("bad layer range '" + p + "'");
          }
          for (int i = a; i <= b; i++) {
            set.add(i);
          }
        } else {
          int a = Integer.parseInt(p);
          if (a < 0) {
            throw new IllegalArgumentException("negative layer " + a);
          }
          set.add(a);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad --layers '" + spec + "': '" + p + "' is not a layer or range");
      }
    }
    return set.stream().mapToInt(Integer::intValue).toArray();
  }

  static Teacher openTeacher(String id) {
    return Teachers.open(id, TeacherOptions.defaults());
  }
}
