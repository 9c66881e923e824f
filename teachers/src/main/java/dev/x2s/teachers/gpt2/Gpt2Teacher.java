package dev.x2s.teachers.gpt2;

import dev.x2s.teachers.bpe.ByteLevelBpe;
import dev.x2s.teachers.hf.SafetensorsReader;
import dev.x2s.teachers.PiecePooler;
import dev.x2s.teachers.PiecePooling;
import dev.x2s.teachers.PieceWindows;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.teachers.TokenizedSentence;
import dev.x2s.teachers.WordStates;
import dev.x2s.teachers.weights.WeightsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * GPT-2 as a {@link Teacher}: words → pieces ({@link Gpt2WordPieces}) → {@link Gpt2Encoder} → pieces
 * pooled back to words ({@link PiecePooler}). Returns {@code n_layer + 1} layers (13 for GPT-2 small),
 * the top one after {@code ln_f}.
 *
 * <p><b>BOS.</b> By default no special token is added: GPT-2 was pretrained on a stream of documents
 * separated by {@code <|endoftext|>}, with no token opening each input. With {@link Options#bos()}
 * every window starts with {@code <|endoftext|>} (id 50256), which gives the first word a context to
 * attend to (GPT-2's first position acts as an attention sink); its state is dropped before pooling.
 *
 * <p><b>Long sentences.</b> A sentence longer than the window ({@code n_positions}, less one with BOS)
 * is split by {@link PieceWindows} into windows overlapping by {@link Options#overlap()} pieces
 * (default a quarter of the window: 256 for 1024). The model is causal, so a piece's state depends
 * only on what precedes it: each piece takes its state from the <em>first</em> window containing
 * it, which gives it at least {@code overlap} pieces of left context (the pieces of the first window
 * get exactly the states a model with an unbounded window would give them): {@link PieceWindows}'s
 * causal rule, not its symmetric default that suits bidirectional encoders.
 *
 * <p>Windows of a batch are sorted by length and run in sub-batches bounded by
 * {@link Options#maxBatchTokens()} padded pieces, to bound padding and native memory.
 */
public final class Gpt2Teacher implements Teacher {
  /** GPT-2's end-of-text token, used as an optional BOS. */
  public static final String END_OF_TEXT = "<|endoftext|>";

  /** Bound on attention-score elements (batch × heads × T²) in one sub-batch: 64 M floats. */
  private static final long MAX_ATTENTION = 64L << 20;

  /**
   * @param bos prepend {@code <|endoftext|>} to every window
   * @param overlap pieces shared by consecutive windows of a long sentence; -1 for a quarter of the window
   * @param maxBatchTokens padded pieces per forward pass
   */
  public record Options(boolean bos, int overlap, int maxBatchTokens) {
    public static Options defaults() {
      return new Options(false, -1, 8192);
    }
  }

  private final TeacherInfo info;
  private final Gpt2Config cfg;
  private final Gpt2Encoder encoder;
  private final Gpt2WordPieces wordPieces;
  private final boolean bos;
  private final int bosId;
  private final int capacity;
  private final int overlap;
  private final int maxBatchTokens;

  /** Builds a teacher from loaded parts (the encoder copies the weights; {@code weights} may be dropped). */
  public Gpt2Teacher(
      String id, String source, Gpt2Config cfg, Gpt2Weights weights, ByteLevelBpe bpe, Options options) {
    this(id, source, bpe, options, checkVocab(cfg, bpe), () -> new Gpt2Encoder(cfg, weights));
  }

  private Gpt2Teacher(
      String id, String source, ByteLevelBpe bpe, Options options, Gpt2Config cfg,
      java.util.function.Supplier<Gpt2Encoder> encoder) {
    this.cfg = cfg;
    this.wordPieces = new Gpt2WordPieces(bpe);
    this.bos = options.bos();
    this.bosId = bos ? bpe.id(END_OF_TEXT) : -1;
    if (bos && bosId < 0) {
      throw new IllegalArgumentException("tokenizer has no " + END_OF_TEXT + " token for BOS");
    }
    this.capacity = cfg.maxPositions() - (bos ? 1 : 0);
    this.overlap = options.overlap() < 0 ? capacity / 4 : options.overlap();
    if (capacity < 1 || overlap >= capacity) {
      throw new IllegalArgumentException("overlap " + overlap + " must be below the window " + capacity);
    }
    this.maxBatchTokens = Math.max(cfg.maxPositions(), options.maxBatchTokens());
    this.info = new TeacherInfo(id, "gpt2", cfg.layers() + 1, cfg.hidden(), cfg.maxPositions(), source);
    this.encoder = encoder.get(); // last: nothing native to free if the checks above fail
  }

  private static Gpt2Config checkVocab(Gpt2Config cfg, ByteLevelBpe bpe) {
    if (bpe.vocabSize() > cfg.vocabSize()) {
      throw new IllegalArgumentException(
          "tokenizer has " + bpe.vocabSize() + " tokens but the model only " + cfg.vocabSize());
    }
    return cfg;
  }

  /**
   * Loads a Hugging Face GPT-2 directory: {@code config.json}, {@code model.safetensors}, and
   * {@code vocab.json} + {@code merges.txt} (or OpenAI's {@code encoder.json} + {@code vocab.bpe}).
   */
  public static Gpt2Teacher load(Path dir, Options options) {
    Gpt2Config cfg = Gpt2Config.read(dir.resolve("config.json"));
    Path weightsFile = dir.resolve("model.safetensors");
    Path vocab = firstExisting(dir, "vocab.json", "encoder.json");
    Path merges = firstExisting(dir, "merges.txt", "vocab.bpe");
    ByteLevelBpe bpe = ByteLevelBpe.load(vocab, merges);
    try (SafetensorsReader r = SafetensorsReader.open(weightsFile)) {
      // tensors go to native memory one at a time: the heap never holds the whole model
      return new Gpt2Teacher(dir.toString(), weightsFile.toString(), bpe, options, checkVocab(cfg, bpe),
          () -> new Gpt2Encoder(cfg, Gpt2Weights.source(r), weightsFile.toString()));
    }
  }

  private static Path firstExisting(Path dir, String... names) {
    for (String n : names) {
      Path p = dir.resolve(n);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new WeightsException(dir.toString(), "none of " + Arrays.toString(names) + " found");
  }

  @Override
  public TeacherInfo info() {
    return info;
  }

  public Gpt2Config config() {
    return cfg;
  }

  /** The word → piece mapping this teacher uses. */
  public Gpt2WordPieces wordPieces() {
    return wordPieces;
  }

  /** Pieces per window (the model window, less one when a BOS is prepended). */
  public int capacity() {
    return capacity;
  }

  public int overlap() {
    return overlap;
  }

  /** One forward-pass input: a window of a sentence. */
  private record Job(int sentence, int window, int start, int[] ids) {}

  @Override
  public TokenizedSentence tokenize(List<String> words) {
    return wordPieces.map(words);
  }

  @Override
  public List<WordStates> encodeTokenized(List<TokenizedSentence> sentences, int maxLayer, PiecePooling pooling) {
    if (maxLayer < 0 || maxLayer > cfg.layers()) {
      throw new IllegalArgumentException("maxLayer " + maxLayer + " outside 0.." + cfg.layers());
    }
    int s = sentences.size();
    TokenizedSentence[] pieces = sentences.toArray(new TokenizedSentence[0]);
    PieceWindows[] windows = new PieceWindows[s];
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < s; i++) {
      checkIds(pieces[i], i);
      windows[i] = PieceWindows.split(pieces[i].pieces(), capacity, overlap, true);
      List<PieceWindows.Window> ws = windows[i].windows();
      for (int w = 0; w < ws.size(); w++) {
        PieceWindows.Window win = ws.get(w);
        int[] ids = new int[win.length() + (bos ? 1 : 0)];
        if (bos) {
          ids[0] = bosId;
        }
        System.arraycopy(pieces[i].ids(), win.start(), ids, bos ? 1 : 0, win.length());
        jobs.add(new Job(i, w, win.start(), ids));
      }
    }
    float[][][] results = new float[s][][];
    for (int i = 0; i < s; i++) {
      results[i] = new float[windows[i].windows().size()][];
    }
    runBatched(jobs, maxLayer, results);
    List<WordStates> out = new ArrayList<>(s);
    int layers = maxLayer + 1;
    for (int i = 0; i < s; i++) {
      float[] states = assemble(pieces[i].pieces(), windows[i], results[i], layers);
      out.add(PiecePooler.pool(states, layers, cfg.hidden(), pieces[i], pooling));
    }
    return out;
  }

  private void checkIds(TokenizedSentence t, int i) {
    for (int id : t.ids()) {
      if (id < 0 || id >= cfg.vocabSize()) {
        throw new IllegalArgumentException("sentence " + i + " of the batch has piece id " + id + ", outside the"
            + " vocabulary of " + cfg.vocabSize() + " (tokenised by another teacher?)");
      }
    }
  }

  /** Longest first, sub-batches bounded in padded pieces and attention size. */
  private void runBatched(List<Job> jobs, int maxLayer, float[][][] results) {
    List<Job> sorted = new ArrayList<>(jobs);
    sorted.sort(Comparator.comparingInt((Job j) -> j.ids().length).reversed());
    int i = 0;
    while (i < sorted.size()) {
      int t = sorted.get(i).ids().length; // the longest in this sub-batch
      long perSeqAttention = (long) cfg.heads() * t * t;
      int maxB = (int) Math.max(1, Math.min(maxBatchTokens / t, MAX_ATTENTION / perSeqAttention));
      int end = Math.min(sorted.size(), i + maxB);
      int[][] ids = new int[end - i][];
      for (int k = i; k < end; k++) {
        ids[k - i] = sorted.get(k).ids();
      }
      float[][] r = encoder.forward(ids, maxLayer);
      for (int k = i; k < end; k++) {
        Job j = sorted.get(k);
        results[j.sentence()][j.window()] = r[k - i];
      }
      i = end;
    }
  }

  /**
   * Piece states {@code [layer][piece][dim]} of a sentence from its windows' outputs: each piece from
   * the first window that contains it; the BOS state, if any, is dropped.
   */
  private float[] assemble(int n, PieceWindows pw, float[][] windowStates, int layers) {
    int dim = cfg.hidden();
    List<PieceWindows.Window> ws = pw.windows();
    if (ws.size() == 1 && !bos) {
      return windowStates[0];
    }
    float[] out = new float[layers * n * dim];
    // causal owners are non-decreasing: each window owns one run of pieces
    for (int from = 0; from < n; ) {
      int w = pw.owner(from);
      int to = from + 1;
      while (to < n && pw.owner(to) == w) {
        to++;
      }
      PieceWindows.Window win = ws.get(w);
      int winLen = win.length() + (bos ? 1 : 0);
      int firstInWin = from - win.start() + (bos ? 1 : 0);
      for (int l = 0; l < layers; l++) {
        System.arraycopy(
            windowStates[w], (l * winLen + firstInWin) * dim, out, (l * n + from) * dim, (to - from) * dim);
      }
      from = to;
    }
    return out;
  }

  @Override
  public List<List<String>> pieces(List<String> words) {
    return wordPieces.pieces(words);
  }

  @Override
  public void close() {
    encoder.close();
  }
}
