package dev.x2s.teachers.extract;

import dev.x2s.corpus.Sentence;
import dev.x2s.jobs.Progress;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.TeacherInfo;
import dev.x2s.teachers.TokenizedSentence;
import dev.x2s.teachers.WordStates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Streams sentences through a {@link Teacher} and hands every sentence's word vectors to a consumer in
 * the original sentence order.
 *
 * <p>It reads a window of sentences ahead, sorts the window by length (stable: ties keep input order)
 * and cuts it into batches of similar length — at most {@code batchSize} sentences and at most
 * {@code maxPiecesPerBatch} padded length units ({@code sentences × longest}) each, a longer sentence
 * going alone — so padding stays small. Results are delivered as soon as every earlier sentence has
 * been delivered. Windows and batches depend only on the input and the options, so a run is
 * reproducible. Each sentence is tokenised once ({@link Teacher#tokenize}): the pieces serve both for the
 * length and for encoding ({@link Teacher#encodeTokenized}).
 *
 * <p><b>Memory bound</b>, whatever the corpus size: at most {@link ExtractionOptions#windowSentences()}
 * sentences are held (read and not yet delivered), and the results held before delivery total at most
 * {@link ExtractionOptions#maxBufferedValues()} floats — a window closes early when its sentences'
 * {@code words × (maxLayer+1) × dim} would pass that — except that a single sentence larger than the
 * budget is still processed (alone in its window). The teacher's own working memory for one batch comes
 * on top.
 *
 * <p>Runs on the calling thread; the teacher is called from it only.
 */
public final class ContextExtractor {
  private final Teacher teacher;
  private final ExtractionOptions options;
  private final TeacherInfo info;

  public ContextExtractor(Teacher teacher, ExtractionOptions options) {
    this.teacher = teacher;
    this.options = options;
    this.info = teacher.info();
    if (options.maxLayer() >= info.numLayers()) {
      throw new IllegalArgumentException("maxLayer " + options.maxLayer() + " but teacher " + info.id()
          + " has layers 0.." + (info.numLayers() - 1));
    }
  }

  /**
   * Encodes every sentence of {@code sentences} and delivers the results in order.
   *
   * @param progress advanced by sentences and words as they are delivered (not closed here)
   */
  public ExtractionStats run(Iterator<Sentence> sentences, SentenceStatesConsumer consumer, Progress progress) {
    int windowCap = options.windowSentences();
    long valuesPerWord = (long) (options.maxLayer() + 1) * info.dim();
    Counters c = new Counters();
    Sentence carry = null;
    while (carry != null || sentences.hasNext()) {
      // fill a window: up to windowCap sentences, results within the value budget
      List<Sentence> window = new ArrayList<>(Math.min(windowCap, 1024));
      long windowValues = 0;
      while (window.size() < windowCap) {
        Sentence s;
        if (carry != null) {
          s = carry;
          carry = null;
        } else if (sentences.hasNext()) {
          s = sentences.next();
        } else {
          break;
        }
        long v = s.size() * valuesPerWord;
        if (!window.isEmpty() && windowValues + v > options.maxBufferedValues()) {
          carry = s; // held for the next window; window + carry <= windowCap still
          c.maxHeldSentences = Math.max(c.maxHeldSentences, window.size() + 1);
          break;
        }
        window.add(s);
        windowValues += v;
      }
      c.maxHeldSentences = Math.max(c.maxHeldSentences, window.size());
      c.maxHeldValues = Math.max(c.maxHeldValues, windowValues);
      processWindow(window, consumer, progress, c);
    }
    return new ExtractionStats(c.sentences, c.words, c.length, c.padded, c.batches, c.windows,
        c.maxHeldSentences, c.maxHeldValues);
  }

  private void processWindow(List<Sentence> window, SentenceStatesConsumer consumer, Progress progress,
      Counters c) {
    int n = window.size();
    TokenizedSentence[] tokenized = new TokenizedSentence[n];
    int[] lengths = new int[n];
    for (int i = 0; i < n; i++) {
      tokenized[i] = tokenize(window.get(i));
      lengths[i] = length(window.get(i), tokenized[i]);
      c.length += lengths[i];
    }
    WordStates[] results = new WordStates[n];
    int nextOut = 0;
    for (int[] batch : plan(lengths, options.batchSize(), options.maxPiecesPerBatch())) {
      List<TokenizedSentence> input = new ArrayList<>(batch.length);
      int longest = 0;
      for (int i : batch) {
        input.add(tokenized[i]);
        longest = Math.max(longest, lengths[i]);
      }
      c.padded += (long) longest * batch.length;
      c.batches++;
      List<WordStates> out = teacher.encodeTokenized(input, options.maxLayer(), options.pooling());
      if (out == null || out.size() != batch.length) {
        throw new IllegalStateException("teacher " + info.id() + " returned " + (out == null ? "null" : out.size())
            + " results for a batch of " + batch.length + " sentences (first id " + window.get(batch[0]).id() + ")");
      }
      for (int b = 0; b < batch.length; b++) {
        results[batch[b]] = check(window.get(batch[b]), tokenized[batch[b]], out.get(b));
        tokenized[batch[b]] = null; // encoded: its pieces are no longer needed
      }
      // deliver the ready prefix
      long deliveredWords = 0;
      int from = nextOut;
      while (nextOut < n && results[nextOut] != null) {
        Sentence s = window.get(nextOut);
        consumer.accept(s, results[nextOut]);
        results[nextOut] = null;
        deliveredWords += s.size();
        nextOut++;
      }
      if (nextOut > from) {
        c.sentences += nextOut - from;
        c.words += deliveredWords;
        if (progress != null) {
          progress.advance(nextOut - from, deliveredWords);
        }
      }
    }
    if (nextOut != n) {
      throw new AssertionError("window not fully delivered: " + nextOut + " of " + n);
    }
    c.windows++;
  }

  private WordStates check(Sentence s, TokenizedSentence t, WordStates ws) {
    if (ws == null || ws.words() != s.size() || ws.layers() != options.maxLayer() + 1 || ws.dim() != info.dim()) {
      throw new IllegalStateException("teacher " + info.id() + " returned "
          + (ws == null ? "null" : ws.layers() + " layers × " + ws.words() + " words × " + ws.dim() + " dims")
          + " for sentence " + s.id() + ", expected " + (options.maxLayer() + 1) + " × " + s.size() + " × "
          + info.dim());
    }
    int[] counts = t.pieceCounts();
    for (int w = 0; w < counts.length; w++) {
      if (ws.pieceCount(w) != counts[w]) {
        throw new IllegalStateException("teacher " + info.id() + " returned word " + w + " of sentence " + s.id()
            + " as pooled from " + ws.pieceCount(w) + " pieces, but tokenised it into " + counts[w]);
      }
    }
    return ws;
  }

  private TokenizedSentence tokenize(Sentence s) {
    try {
      return teacher.tokenize(s.words());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sentence " + s.id() + ": " + e.getMessage(), e);
    }
  }

  private int length(Sentence s, TokenizedSentence t) {
    return options.lengthMeasure() == LengthMeasure.WORDS ? s.size() : Math.max(t.pieces(), 1);
  }

  /**
   * Cuts a window into batches: indices sorted by length (stable), then greedily grouped while the
   * batch has fewer than {@code batchSize} sentences and {@code (size + 1) × length <= budget}.
   *
   * @return batches of window indices, shortest first
   */
  static List<int[]> plan(int[] lengths, int batchSize, int budget) {
    int n = lengths.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(lengths[a], lengths[b])); // stable (merge sort)
    List<int[]> batches = new ArrayList<>();
    int start = 0;
    while (start < n) {
      int end = start + 1;
      // ascending order: the candidate is the longest so far
      while (end < n && end - start < batchSize && (long) (end - start + 1) * lengths[order[end]] <= budget) {
        end++;
      }
      int[] b = new int[end - start];
      for (int i = start; i < end; i++) {
        b[i - start] = order[i];
      }
      batches.add(b);
      start = end;
    }
    return batches;
  }

  private static final class Counters {
    long sentences;
    long words;
    long length;
    long padded;
    long batches;
    long windows;
    int maxHeldSentences;
    long maxHeldValues;
  }
}
