package dev.x2s.corpus;

import dev.x2s.jobs.options.SentenceLimit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A corpus file as a re-iterable sequence of sentences' words, for trainers that take several passes
 * (the baselines): each iteration is a fresh {@link SentenceStream} with the rule splitter — so baselines
 * see the very sentences the teachers see — optionally lower-cased word by word ({@link
 * Casing#LOWER_WORDS}). The counts of the last complete pass are kept.
 */
public final class CorpusSentences implements Iterable<List<String>> {
  private final Path file;
  private final SentenceLimit maxSentences;
  private final Casing casing;
  private long sentences;
  private long words;

  /** @param maxSentences stop after this many sentences */
  public CorpusSentences(Path file, SentenceLimit maxSentences, boolean lower) {
    this.file = file;
    this.maxSentences = maxSentences;
    this.casing = lower ? Casing.LOWER_WORDS : Casing.KEEP;
  }

  /** Sentences of the last complete pass. */
  public long sentences() {
    return sentences;
  }

  /** Words of the last complete pass. */
  public long words() {
    return words;
  }

  @Override
  public Iterator<List<String>> iterator() {
    SentenceStream s;
    try {
      s = SentenceStream.open(file, SentenceSplitter.Kind.RULES, maxSentences, casing);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return new Iterator<>() {
      boolean open = true;

      @Override
      public boolean hasNext() {
        if (!open) {
          return false;
        }
        if (s.hasNext()) {
          return true;
        }
        open = false;
        sentences = s.stats().sentences();
        words = s.stats().words();
        try {
          s.close();
        } catch (IOException e) {
          throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return false;
      }

      @Override
      public List<String> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return s.next().words();
      }
    };
  }

  /** The same sentences with words joined by single spaces (DL4J's whitespace tokenizer splits them back). */
  public Iterable<String> joined() {
    return () -> {
      Iterator<List<String>> it = iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public String next() {
          return String.join(" ", it.next());
        }
      };
    };
  }
}
