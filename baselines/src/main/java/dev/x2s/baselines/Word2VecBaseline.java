package dev.x2s.baselines;

import dev.x2s.vectors.WordVectors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.deeplearning4j.models.embeddings.learning.impl.elements.CBOW;
import org.deeplearning4j.models.embeddings.learning.impl.elements.SkipGram;
import org.deeplearning4j.models.word2vec.VocabWord;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.SentenceIterator;
import org.deeplearning4j.text.sentenceiterator.SentencePreProcessor;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;

/**
 * Trains word2vec (CBOW or skip-gram) from scratch with DL4J on already tokenized sentences (words
 * joined by single spaces, as x2s's word tokenizer writes them), and returns the vectors ordered by
 * corpus frequency.
 */
public final class Word2VecBaseline {
  private Word2VecBaseline() {}

  /**
   * @param sentences a re-iterable source of space-joined sentences (iterated once per epoch plus once
   *     for the vocabulary)
   */
  public static WordVectors train(Iterable<String> sentences, Word2VecOptions o) {
    Word2Vec w2v = new Word2Vec.Builder()
        .iterate(new IterableSentences(sentences))
        .tokenizerFactory(new DefaultTokenizerFactory())
        .elementsLearningAlgorithm(o.skipGram() ? new SkipGram<>() : new CBOW<>())
        .layerSize(o.dim())
        .windowSize(o.window())
        .minWordFrequency(o.minCount())
        .negativeSample(o.negatives())
        .useHierarchicSoftmax(false)
        .sampling(o.sample())
        .epochs(o.epochs())
        .iterations(1)
        // batchSize > 1 runs the native batched cbow/skipgram op, which fails in ND4J M2.1
        // ("CBOW: context must have rank 0/1 or 2") and leaves fit() waiting forever.
        .batchSize(1)
        .learningRate(o.learningRate())
        .minLearningRate(1e-4 * o.learningRate())
        .workers(o.threads())
        .seed(o.seed())
        .build();
    w2v.fit();
    Collection<VocabWord> vocab = w2v.getVocab().vocabWords();
    List<VocabWord> ordered = new ArrayList<>(vocab);
    ordered.sort(Comparator.comparingDouble(VocabWord::getElementFrequency).reversed()
        .thenComparing(VocabWord::getLabel));
    String[] words = new String[ordered.size()];
    float[] matrix = new float[ordered.size() * o.dim()];
    for (int i = 0; i < words.length; i++) {
      words[i] = ordered.get(i).getLabel();
      double[] v = w2v.getWordVector(words[i]);
      for (int k = 0; k < o.dim(); k++) {
        matrix[i * o.dim() + k] = (float) v[k];
      }
    }
    return new WordVectors(words, matrix, o.dim());
  }

  /** Adapts a re-iterable of strings to DL4J's SentenceIterator. */
  private static final class IterableSentences implements SentenceIterator {
    private final Iterable<String> source;
    private Iterator<String> it;
    private SentencePreProcessor pre;

    IterableSentences(Iterable<String> source) {
      this.source = source;
      this.it = source.iterator();
    }

    @Override
    public String nextSentence() {
      String s = it.next();
      return pre == null ? s : pre.preProcess(s);
    }

    @Override
    public boolean hasNext() {
      return it.hasNext();
    }

    @Override
    public void reset() {
      it = source.iterator();
    }

    @Override
    public void finish() {}

    @Override
    public SentencePreProcessor getPreProcessor() {
      return pre;
    }

    @Override
    public void setPreProcessor(SentencePreProcessor preProcessor) {
      this.pre = preProcessor;
    }
  }
}
