package dev.x2s.corpus;

import dev.x2s.jobs.options.SentenceLimit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The sentences of a corpus, in file order, each split into words by {@link WordTokenizer}: paragraphs
 * from a {@link CorpusReader}, split by a {@link SentenceSplitter}, cased by a {@link Casing}. Sentences
 * without words are skipped. Every stage that reads a corpus reads it through this class, so they all
 * see the same sentences with the same ids. Read it sentence by sentence ({@link #next()}) or paragraph
 * by paragraph ({@link #nextParagraph()}). Memory holds one paragraph's sentences at a time. Not
 * thread-safe; close it to release the file.
 */
public final class SentenceStream implements Iterator<Sentence>, AutoCloseable {
  private final CorpusReader reader;
  private final SentenceSplitter splitter;
  private final WordTokenizer tokenizer = new WordTokenizer();
  private final long limit;
  private final Casing casing;
  private final ArrayDeque<String> pending = new ArrayDeque<>();
  private final CorpusStats stats;
  private Sentence next;
  private long nextId;

  /**
   * @param limit stop after this many sentences
   */
  public SentenceStream(CorpusReader reader, SentenceSplitter splitter, SentenceLimit limit) {
    this(reader, splitter, limit, Casing.KEEP);
  }

  /**
   * @param limit stop after this many sentences
   * @param casing what lower-casing the words get, and when
   */
  public SentenceStream(CorpusReader reader, SentenceSplitter splitter, SentenceLimit limit, Casing casing) {
    this.reader = reader;
    this.splitter = splitter;
    this.limit = limit.max();
    this.casing = casing;
    this.stats = reader.stats();
  }

  /** All sentences of {@code file} (format detected), as written. */
  public static SentenceStream open(Path file, SentenceSplitter.Kind split) throws IOException {
    return open(file, split, SentenceLimit.ALL, Casing.KEEP);
  }

  /**
   * The sentences of {@code file} (format detected).
   *
   * @param limit stop after this many sentences
   */
  public static SentenceStream open(Path file, SentenceSplitter.Kind split, SentenceLimit limit, Casing casing)
      throws IOException {
    return new SentenceStream(CorpusReader.open(file, CorpusFormat.AUTO), split.create(), limit, casing);
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
      next = tokenizePending();
    }
    return next != null;
  }

  /**
   * The sentences of the next paragraph that has any, in order (cut short when the limit falls inside
   * it); empty at the end. Call it at paragraph boundaries only, i.e. not after a {@link #next()} that
   * left sentences of a paragraph unread.
   */
  public List<Sentence> nextParagraph() {
    if (next != null || !pending.isEmpty()) {
      throw new IllegalStateException("nextParagraph() inside a paragraph (after next() or hasNext())");
    }
    List<Sentence> out = new ArrayList<>();
    while (out.isEmpty() && nextId < limit && reader.hasNext()) {
      pending.addAll(splitter.split(reader.next().text()));
      while (!pending.isEmpty() && nextId < limit) {
        Sentence s = tokenizePending();
        if (s != null) {
          out.add(s);
        }
      }
      pending.clear(); // only left over when the limit cut the paragraph
    }
    return out;
  }

  /** The next pending sentence as a {@link Sentence}, or null when it has no words. */
  private Sentence tokenizePending() {
    List<String> words = casing.words(tokenizer, pending.poll());
    if (words.isEmpty()) {
      return null;
    }
    stats.sentences++;
    stats.words += words.size();
    return new Sentence(nextId++, Collections.unmodifiableList(words));
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
