package dev.x2s.corpus;

import dev.x2s.jobs.options.SentenceLimit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * A corpus file as a re-iterable sequence of sentences split into words by x2s's own reader, sentence
 * splitter and word tokenizer — so baselines see the very words the teachers see — optionally
 * lower-cased. Each iteration reads the file anew (and closes it at the end); the counts of the last
 * complete pass are kept.
 */
public final class CorpusSentences implements Iterable<List<String>> {
  private final Path file;
  private final SentenceLimit maxSentences;
  private final boolean lower;
  private long sentences;
  private long words;

  /** @param maxSentences stop after this many sentences */
  public CorpusSentences(Path file, SentenceLimit maxSentences, boolean lower) {
    this.file = file;
    this.maxSentences = maxSentences;
    this.lower = lower;
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
      s = new SentenceStream(CorpusReader.open(file, CorpusFormat.AUTO), SentenceSplitter.Kind.RULES.create(),
          maxSentences.max());
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
        List<String> w = s.next().words();
        if (!lower) {
          return w;
        }
        List<String> out = new ArrayList<>(w.size());
        for (String x : w) {
          out.add(x.toLowerCase(Locale.ROOT));
        }
        return out;
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
