package dev.x2s.x2static;

import dev.x2s.corpus.CorpusReader;
import dev.x2s.corpus.Paragraph;
import dev.x2s.corpus.SentenceSplitter;
import dev.x2s.corpus.WordTokenizer;
import dev.x2s.jobs.options.SentenceLimit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The corpus as units the teacher encodes: one sentence each ({@link DistillConfig.Variant#SENTENCE}) or
 * one paragraph each with its sentence boundaries ({@link DistillConfig.Variant#PARAGRAPH}). Words come
 * from x2s's {@link WordTokenizer}, optionally lower-cased; sentences without words are dropped; at most
 * {@code maxSentences} sentences are produced (a paragraph is cut after the last one).
 */
final class CorpusUnits implements Iterator<CorpusUnits.Unit> {
  /**
   * @param words the words the teacher encodes
   * @param sentenceLengths word counts of its consecutive sentences
   * @param firstSentence index of its first sentence in the corpus
   */
  record Unit(List<String> words, int[] sentenceLengths, long firstSentence) {}

  private final CorpusReader reader;
  private final SentenceSplitter splitter;
  private final WordTokenizer tokenizer = new WordTokenizer();
  private final boolean paragraphs;
  private final boolean lowercase;
  private final long limit;
  private final ArrayDeque<String> pending = new ArrayDeque<>();
  private long produced;
  private Unit next;

  CorpusUnits(CorpusReader reader, SentenceSplitter splitter, boolean paragraphs, boolean lowercase,
      SentenceLimit maxSentences) {
    this.reader = reader;
    this.splitter = splitter;
    this.paragraphs = paragraphs;
    this.lowercase = lowercase;
    this.limit = maxSentences.max();
  }

  /** Sentences produced so far. */
  long sentences() {
    return produced;
  }

  private List<String> words(String sentence) {
    List<String> w = tokenizer.tokenize(lowercase ? sentence.toLowerCase(Locale.ROOT) : sentence);
    return w;
  }

  @Override
  public boolean hasNext() {
    while (next == null && produced < limit) {
      if (paragraphs) {
        if (!reader.hasNext()) {
          return false;
        }
        Paragraph p = reader.next();
        List<String> all = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        for (String s : splitter.split(p.text())) {
          if (produced + lengths.size() >= limit) {
            break;
          }
          List<String> w = words(s);
          if (!w.isEmpty()) {
            all.addAll(w);
            lengths.add(w.size());
          }
        }
        if (!lengths.isEmpty()) {
          next = new Unit(all, lengths.stream().mapToInt(Integer::intValue).toArray(), produced);
          produced += lengths.size();
        }
      } else {
        if (pending.isEmpty()) {
          if (!reader.hasNext()) {
            return false;
          }
          pending.addAll(splitter.split(reader.next().text()));
          continue;
        }
        List<String> w = words(pending.poll());
        if (!w.isEmpty()) {
          next = new Unit(w, new int[] {w.size()}, produced);
          produced++;
        }
      }
    }
    return next != null;
  }

  @Override
  public Unit next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Unit u = next;
    next = null;
    return u;
  }
}
