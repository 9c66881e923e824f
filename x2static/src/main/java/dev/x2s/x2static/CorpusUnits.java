package dev.x2s.x2static;

import dev.x2s.corpus.Sentence;
import dev.x2s.corpus.SentenceStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The corpus as units the teacher encodes: one sentence each ({@link DistillConfig.Variant#SENTENCE}) or
 * one paragraph each with its sentence boundaries ({@link DistillConfig.Variant#PARAGRAPH}), from a
 * {@link SentenceStream} (which applies the sentence limit, cutting the last paragraph).
 */
final class CorpusUnits implements Iterator<CorpusUnits.Unit> {
  /**
   * @param words the words the teacher encodes
   * @param sentenceLengths word counts of its consecutive sentences
   * @param firstSentence index of its first sentence in the corpus
   */
  record Unit(List<String> words, int[] sentenceLengths, long firstSentence) implements java.io.Serializable {
    Unit {
      words = List.copyOf(words); // serializable whatever list the reader made (a chunk travels to executors)
    }

    /** The unit of consecutive {@code sentences} (at least one). */
    static Unit of(List<Sentence> sentences) {
      if (sentences.size() == 1) {
        Sentence s = sentences.get(0);
        return new Unit(s.words(), new int[] {s.size()}, s.id());
      }
      List<String> words = new ArrayList<>();
      int[] lengths = new int[sentences.size()];
      for (int i = 0; i < lengths.length; i++) {
        words.addAll(sentences.get(i).words());
        lengths[i] = sentences.get(i).size();
      }
      return new Unit(words, lengths, sentences.get(0).id());
    }
  }

  private final SentenceStream sentences;
  private final boolean paragraphs;
  private Unit next;

  CorpusUnits(SentenceStream sentences, boolean paragraphs) {
    this.sentences = sentences;
    this.paragraphs = paragraphs;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      if (paragraphs) {
        List<Sentence> p = sentences.nextParagraph();
        next = p.isEmpty() ? null : Unit.of(p);
      } else if (sentences.hasNext()) {
        next = Unit.of(List.of(sentences.next()));
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
