package dev.x2s.layerpc.occurrence;

import dev.x2s.corpus.Sentence;
import dev.x2s.vectors.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * Which occurrences are sampled, decided before the teacher runs: for each kept word its exact
 * occurrence and context counts and the priority threshold of its bottom-{@code k} sample
 * ({@link OccurrencePriority}). An occurrence is sampled iff its priority is at most the word's threshold
 * (unsigned), so the teacher pass can tell sampled occurrences apart on the fly, in any order, and
 * knows every word's slot count in advance.
 *
 * <p>Memory while building: the kept words' heaps, at most {@code k} longs per word.
 */
public final class SamplePlan {
  private static final int MAGIC = 0x58325350; // "X2SP"
  private final String[] words;
  private final long[] occurrences;
  private final long[] contexts;
  private final int[] slotCounts;
  private final long[] thresholds;
  private final long[] wordKeys;
  private final Map<String, Integer> index;
  private final long seed;
  /** sentences holding a kept word; sentences holding a sampled occurrence. */
  private final long sentencesWithWord;
  private final long sentencesWithSample;

  private SamplePlan(String[] words, long[] occurrences, long[] contexts, int[] slotCounts, long[] thresholds,
      long seed, long sentencesWithWord, long sentencesWithSample) {
    this.words = words;
    this.occurrences = occurrences;
    this.contexts = contexts;
    this.slotCounts = slotCounts;
    this.thresholds = thresholds;
    this.seed = seed;
    this.sentencesWithWord = sentencesWithWord;
    this.sentencesWithSample = sentencesWithSample;
    this.wordKeys = new long[words.length];
    this.index = new HashMap<>(words.length * 2);
    for (int i = 0; i < words.length; i++) {
      wordKeys[i] = OccurrencePriority.wordKey(seed, words[i]);
      index.put(words[i], i);
    }
  }

  /**
   * Builds the plan with two passes over the corpus (no teacher): bottom-k priorities and exact counts,
   * then the number of sentences holding sampled occurrences.
   *
   * @param kept the words to sample, in table order
   * @param corpus opens the sentence stream afresh (called twice)
   */
  public static SamplePlan build(List<String> kept, Supplier<Iterator<Sentence>> corpus, int k, long seed) {
    int n = kept.size();
    String[] words = kept.toArray(new String[0]);
    Map<String, Integer> index = new HashMap<>(n * 2);
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      index.put(words[i], i);
      keys[i] = OccurrencePriority.wordKey(seed, words[i]);
    }
    long[] occ = new long[n];
    long[] ctx = new long[n];
    long[] last = new long[n];
    Arrays.fill(last, -1);
    long[][] heaps = new long[n][];
    int[] sizes = new int[n];
    long withWord = 0;
    for (Iterator<Sentence> it = corpus.get(); it.hasNext(); ) {
      Sentence s = it.next();
      boolean any = false;
      List<String> ws = s.words();
      for (int p = 0; p < ws.size(); p++) {
        Integer w = index.get(ws.get(p));
        if (w == null) {
          continue;
        }
        any = true;
        occ[w]++;
        if (last[w] != s.id()) {
          ctx[w]++;
          last[w] = s.id();
        }
        offer(heaps, sizes, w, OccurrencePriority.priority(keys[w], s.id(), p), k);
      }
      if (any) {
        withWord++;
      }
    }
    int[] slots = new int[n];
    long[] thresholds = new long[n];
    for (int w = 0; w < n; w++) {
      slots[w] = sizes[w];
      thresholds[w] = sizes[w] < k ? -1L : heaps[w][0]; // -1 = unsigned maximum: every occurrence
      heaps[w] = null;
    }
    SamplePlan plan = new SamplePlan(words, occ, ctx, slots, thresholds, seed, withWord, 0);
    long withSample = 0;
    for (Iterator<Sentence> it = corpus.get(); it.hasNext(); ) {
      if (plan.holdsSample(it.next())) {
        withSample++;
      }
    }
    return new SamplePlan(words, occ, ctx, slots, thresholds, seed, withWord, withSample);
  }

  /** Max-heap (unsigned) of the k smallest priorities, grown on demand. */
  private static void offer(long[][] heaps, int[] sizes, int w, long pr, int k) {
    long[] h = heaps[w];
    int size = sizes[w];
    if (size < k) {
      if (h == null || h.length == size) {
        h = heaps[w] = Arrays.copyOf(h == null ? new long[0] : h, Math.min(k, Math.max(4, size * 2)));
      }
      // sift up
      int i = size;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (Long.compareUnsigned(h[parent], pr) >= 0) {
          break;
        }
        h[i] = h[parent];
        i = parent;
      }
      h[i] = pr;
      sizes[w] = size + 1;
    } else if (Long.compareUnsigned(pr, h[0]) < 0) {
      // replace the root and sift down
      int i = 0;
      while (true) {
        int c = 2 * i + 1;
        if (c >= size) {
          break;
        }
        if (c + 1 < size && Long.compareUnsigned(h[c + 1], h[c]) > 0) {
          c++;
        }
        if (Long.compareUnsigned(h[c], pr) <= 0) {
          break;
        }
        h[i] = h[c];
        i = c;
      }
      h[i] = pr;
    }
  }

  /** Index of a kept word, or -1. */
  public int indexOf(String word) {
    Integer i = index.get(word);
    return i == null ? -1 : i;
  }

  public boolean isSampled(int w, long sentenceId, int position) {
    return Long.compareUnsigned(OccurrencePriority.priority(wordKeys[w], sentenceId, position), thresholds[w]) <= 0;
  }

  /** Whether any occurrence in the sentence is sampled. */
  public boolean holdsSample(Sentence s) {
    List<String> ws = s.words();
    for (int p = 0; p < ws.size(); p++) {
      int w = indexOf(ws.get(p));
      if (w >= 0 && isSampled(w, s.id(), p)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the sentence holds any kept word. */
  public boolean holdsWord(Sentence s) {
    for (String w : s.words()) {
      if (index.containsKey(w)) {
        return true;
      }
    }
    return false;
  }

  public int size() {
    return words.length;
  }

  public String[] words() {
    return words.clone();
  }

  public long occurrences(int w) {
    return occurrences[w];
  }

  public int slotCount(int w) {
    return slotCounts[w];
  }

  public long sentencesWithWord() {
    return sentencesWithWord;
  }

  public long sentencesWithSample() {
    return sentencesWithSample;
  }

  public StoreLayout layout(int dim, int[] layers) {
    return new StoreLayout(dim, layers, words.clone(), slotCounts.clone(), occurrences.clone(), contexts.clone());
  }

  /** Writes the plan atomically with a fingerprint of the run settings and a CRC32C. */
  public void write(Path file, String fingerprint) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeUTF(fingerprint);
      out.writeLong(seed);
      out.writeLong(sentencesWithWord);
      out.writeLong(sentencesWithSample);
      out.writeInt(words.length);
      for (int i = 0; i < words.length; i++) {
        out.writeUTF(words[i]);
        out.writeLong(occurrences[i]);
        out.writeLong(contexts[i]);
        out.writeInt(slotCounts[i]);
        out.writeLong(thresholds[i]);
      }
    }
    byte[] b = bytes.toByteArray();
    CRC32C crc = new CRC32C();
    crc.update(b);
    AtomicFiles.write(file, o -> {
      o.write(b);
      new DataOutputStream(o).writeInt((int) crc.getValue());
    });
  }

  /**
   * Reads a plan written by {@link #write}; null when its fingerprint differs from {@code fingerprint}.
   *
   * @throws IOException when the file is corrupt
   */
  public static SamplePlan read(Path file, String fingerprint) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < 8) {
      throw new IOException(file + ": truncated plan");
    }
    CRC32C crc = new CRC32C();
    crc.update(all, 0, all.length - 4);
    int stored = ((all[all.length - 4] & 0xff) << 24) | ((all[all.length - 3] & 0xff) << 16)
        | ((all[all.length - 2] & 0xff) << 8) | (all[all.length - 1] & 0xff);
    if ((int) crc.getValue() != stored) {
      throw new IOException(file + ": plan checksum mismatch (corrupt work file; delete the work directory)");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 4))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + ": not a sample plan");
      }
      if (!in.readUTF().equals(fingerprint)) {
        return null;
      }
      long seed = in.readLong();
      long withWord = in.readLong();
      long withSample = in.readLong();
      int n = in.readInt();
      String[] words = new String[n];
      long[] occ = new long[n];
      long[] ctx = new long[n];
      int[] slots = new int[n];
      long[] thr = new long[n];
      for (int i = 0; i < n; i++) {
        words[i] = in.readUTF();
        occ[i] = in.readLong();
        ctx[i] = in.readLong();
        slots[i] = in.readInt();
        thr[i] = in.readLong();
      }
      return new SamplePlan(words, occ, ctx, slots, thr, seed, withWord, withSample);
    }
  }
}
