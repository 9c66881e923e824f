package dev.x2s.cli;

import dev.x2s.corpus.WordTokenizer;
import dev.x2s.jobs.options.LayerSpec;
import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.Precision;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.teachers.TeacherOptions;
import dev.x2s.teachers.registry.Teachers;
import dev.x2s.teachers.WordStates;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code x2s embed}: runs one sentence through a teacher and prints, for every word, its pieces and, per
 * layer, the norm and first values of its (pooled) vector — a person's way to look inside a teacher.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
    description = "Show a teacher's pieces and per-layer word vectors (norm and first values) for a sentence.")
final class EmbedCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The sentence (several arguments are joined with spaces).")
  List<String> text;

  @Option(names = "--teacher", required = true, paramLabel = "ID|DIR",
      description = "Teacher id (bert-base-uncased, bert-base-cased, bert-base-multilingual-cased, all-minilm-l6-v2, "
          + "bge-small-en-v1.5) or a Hugging Face BERT/GPT-2 directory or an ELMo directory.")
  String teacher;

  @Option(names = "--layers", split = ",", paramLabel = "L",
      description = "Layers to show: numbers or ranges (0-2,12), negative counts from the top (-1 = last); default all."
          + " Layer 0 is the input layer.")
  List<String> layers;

  @Option(names = "--pooling", defaultValue = "mean", description = "mean, first or last piece. Default: ${DEFAULT-VALUE}")
  String pooling;

  @Option(names = "--values", defaultValue = "4", paramLabel = "N", description = "First values shown per vector. Default: ${DEFAULT-VALUE}")
  int values;

  @Option(names = "--whitespace", description = "Split the text on whitespace only (already tokenized) instead of x2s's word tokenizer.")
  boolean whitespace;

  @Option(names = "--threads", defaultValue = "0", description = "PyTorch threads (0: one per core).")
  int threads;

  @Option(names = "--precision", defaultValue = "fp32",
      description = "Teacher arithmetic: fp32, bf16 (CPUs with bf16 dot products; else fp32) or int8 (BERT family)."
          + " Default: ${DEFAULT-VALUE}")
  String precision;

  @Option(names = "--gpt2-bos", description = "GPT-2: prepend <|endoftext|> to the sentence.")
  boolean gpt2Bos;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PiecePooling pool;
    try {
      pool = PiecePooling.valueOf(pooling.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--pooling must be mean, first or last, not " + pooling);
    }
    if (values < 0) {
      throw new ParameterException(spec.commandLine(), "--values must be >= 0");
    }
    String sentence = String.join(" ", text);
    List<String> words = whitespace ? Arrays.asList(sentence.strip().split("\\s+")) : new WordTokenizer().tokenize(sentence);
    if (words.isEmpty() || words.get(0).isEmpty()) {
      throw new ParameterException(spec.commandLine(), "the text has no words");
    }
    Precision prec;
    try {
      prec = Precision.parse(precision);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
    }
    TeacherOptions options = new TeacherOptions(threads, pool, false, gpt2Bos, prec);
    PrintWriter out = spec.commandLine().getOut();
    try (Teacher t = Teachers.open(teacher, options)) {
      TeacherInfo info = t.info();
      List<Integer> shown = parseLayers(info.numLayers(), info.id());
      int maxLayer = shown.get(shown.size() - 1);
      List<List<String>> pieces = t.pieces(words);
      WordStates ws = t.encode(List.of(words), maxLayer, pool).get(0);
      out.printf(Locale.ROOT, "teacher %s: %s, %d layers x %d, window %s%n", info.id(), info.family(),
          info.numLayers(), info.dim(), info.maxPieces() == 0 ? "unbounded" : info.maxPieces() + " pieces");
      out.printf(Locale.ROOT, "source: %s%n", info.source());
      out.printf(Locale.ROOT, "precision: %s%n", t.precision().key());
      int total = pieces.stream().mapToInt(List::size).sum();
      out.printf(Locale.ROOT, "%d words, %d pieces, %s pooling%n", words.size(), total,
          pool.name().toLowerCase(Locale.ROOT));
      int layerWidth = String.valueOf(info.numLayers() - 1).length();
      for (int w = 0; w < words.size(); w++) {
        out.printf(Locale.ROOT, "%d %s  pieces %s%n", w, words.get(w), pieces.get(w));
        for (int l : shown) {
          float[] v = ws.vector(l, w);
          double sq = 0;
          for (float x : v) {
            sq += (double) x * x;
          }
          StringBuilder first = new StringBuilder();
          for (int k = 0; k < Math.min(values, v.length); k++) {
            first.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%+.6f", v[k]));
          }
          out.printf(Locale.ROOT, "  layer %" + layerWidth + "d  norm %10.4f  [%s%s]%n", l, Math.sqrt(sq), first,
              values < v.length ? " ..." : "");
        }
      }
      out.flush();
    }
    return 0;
  }

  /** The requested layers ({@link LayerSpec}), sorted and distinct, each within {@code 0..numLayers-1}. */
  private List<Integer> parseLayers(int numLayers, String id) {
    if (layers == null || layers.isEmpty()) {
      return IntStream.range(0, numLayers).boxed().toList();
    }
    try {
      return IntStream.of(LayerSpec.parse(String.join(",", layers)).resolve(numLayers, id)).boxed().toList();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--layers: " + e.getMessage());
    }
  }
}
