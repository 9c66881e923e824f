package dev.x2s.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The sentences of a corpus, in file order, each split into words by {@link WordTokenizer}: paragraphs
 * from a {@link CorpusReader}, split by a {@link SentenceSplitter}. Sentences without words are skipped.
 * Memory holds one paragraph's sentences at a time. Not thread-safe; close it to release the file.
 */
public final class SentenceStream implements Iterator<Sentence>, AutoCloseable {
  private final CorpusReader reader;
  private final SentenceSplitter splitter;
  private final WordTokenizer tokenizer = new WordTokenizer();
  private final long limit;
  private final ArrayDeque<String> pending = new ArrayDeque<>();
  private final CorpusStats stats;
  private Sentence next;
  private long nextId;
  private final boolean lowercase;

  /**
   * @param limit stop after this many sentences ({@code Long.MAX_VALUE} for all: {@code SentenceLimit.max()})
   */
  public SentenceStream(CorpusReader reader, SentenceSplitter splitter, long limit) {
    this(reader, splitter, limit, false);
  }

  /** @param lowercase lower-case every word (Locale.ROOT) */
  public SentenceStream(CorpusReader reader, SentenceSplitter splitter, long limit, boolean lowercase) {
    this.reader = reader;
    this.splitter = splitter;
    this.limit = limit;
    this.lowercase = lowercase;
    this.stats = reader.stats();
  }

  /** Opens {@code file} with format detection and the given splitter. */
  public static SentenceStream open(Path file, SentenceSplitter.Kind split) throws IOException {
    return new SentenceStream(CorpusReader.open(file, CorpusFormat.AUTO), split.create(), Long.MAX_VALUE);
  }

  /** Shared with the reader: lines, paragraphs, sentences, words. */
  public CorpusStats stats() {
    return stats;
  }

  public CorpusReader reader() {
    return reader;
  }

  @Override
  public boolean hasNext() {
    while (next == null && nextId < limit) {
      if (pending.isEmpty()) {
        if (!reader.hasNext()) {
          return false;
        }
        pending.addAll(splitter.split(reader.next().text()));
        continue;
      }
      List<String> words = tokenizer.tokenize(pending.poll());
      if (lowercase) {
        words.replaceAll(w -> w.toLowerCase(java.util.Locale.ROOT));
      }
      if (!words.isEmpty()) {
        next = new Sentence(nextId++, java.util.Collections.unmodifiableList(words));
        stats.sentences++;
        stats.words += words.size();
      }
    }
    return next != null;
  }

  @Override
  public Sentence next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Sentence s = next;
    next = null;
    return s;
  }

  /** A sequential, ordered stream over the remaining sentences (closing it does not close the file). */
  public Stream<Sentence> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
