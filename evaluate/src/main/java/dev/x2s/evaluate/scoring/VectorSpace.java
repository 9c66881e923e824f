package dev.x2s.evaluate.scoring;

import dev.x2s.vectors.WordVectors;
import dev.x2s.vectors.math.VectorMath;
import java.util.Locale;

/**
 * Word vectors as the scorers see them: the lookup rule of docs/PROTOCOLS.md (exact, else
 * lower-case), unit-normalised rows, and the mean vector used by {@link Protocol#MEANFILL}.
 */
public final class VectorSpace {
  private final WordVectors vectors;
  private final boolean lowercase;
  private WordVectors unit;
  private float[] unitMean;

  /**
   * @param vectors the loaded vectors (rows in file order)
   * @param lowercase lower-case benchmark words before lookup (the {@code --lower} option; the
   *     vocabulary itself is lower-cased by the reader)
   */
  public VectorSpace(WordVectors vectors, boolean lowercase) {
    this.vectors = vectors;
    this.lowercase = lowercase;
  }

  public VectorSpace(WordVectors vectors) {
    this(vectors, false);
  }

  public WordVectors vectors() {
    return vectors;
  }

  public int dim() {
    return vectors.dim();
  }

  /** Row of {@code word}: exact match, else its lower-case form; -1 when neither is present. */
  public int row(String word) {
    return row(word, Integer.MAX_VALUE);
  }

  /**
   * Row of {@code word} among the first {@code limit} rows only (the analogy search space): the
   * exact form if it is there, else the lower-case form if that is there, else -1.
   */
  public int row(String word, int limit) {
    String w = lowercase ? lower(word) : word;
    int r = vectors.indexOf(w);
    if (r >= 0 && r < limit) {
      return r;
    }
    String l = lower(w);
    if (!l.equals(w)) {
      r = vectors.indexOf(l);
      if (r >= 0 && r < limit) {
        return r;
      }
    }
    return -1;
  }

  /** The unit-normalised vectors (computed once; zero rows stay zero). */
  public synchronized WordVectors unit() {
    if (unit == null) {
      unit = vectors.normalized();
    }
    return unit;
  }

  /** The mean of all loaded (raw) vectors, scaled to unit length: the meanfill stand-in. */
  public synchronized float[] unitMean() {
    if (unitMean == null) {
      unitMean = VectorMath.normalize(vectors.mean());
    }
    return unitMean.clone();
  }

  /**
   * The unit vector of {@code word}, or under {@code meanfill} the unit mean when it is missing;
   * null when it is missing under {@code skip}.
   */
  public float[] unitVector(String word, Protocol protocol) {
    int r = row(word);
    if (r >= 0) {
      return unit().vector(r);
    }
    return protocol == Protocol.MEANFILL ? unitMean() : null;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
