package dev.x2s.x2static;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The X2Static student: one static target vector per vocabulary word (an ND4J {@code V × d} matrix),
 * trained so that {@code σ(c · u_w)} is high for the teacher's context vector {@code c} of a sentence
 * holding w and low for sampled negatives.
 *
 * <p>One step is computed in batched form, with hand-written sparse updates (SameDiff's gather
 * backprop is broken in ND4J M2.1):
 *
 * <ol>
 *   <li>gather the R distinct touched rows {@code U_R} (sorted, so the order is deterministic);
 *   <li>score them against all S contexts of the batch with one GEMM, {@code U_R · Cᵀ} (R × S), and read
 *       each pair's score from it;
 *   <li>put each pair's {@code dL/ds = σ(s) − y} into a coefficient matrix {@code A} (R × S), summing
 *       pairs that share a row and a sentence;
 *   <li>the summed row gradients are then one more GEMM, {@code G = A · C} (R × d);
 *   <li>the optimiser updates {@code U_R} from {@code G} and scatters the rows back.
 * </ol>
 *
 * S is small (a few dozen sentences), so the GEMMs cost about as much as the gathers they replace.
 */
public final class StudentModel {
  private final INDArray targets;
  private final int rows;
  private final int dim;

  private StudentModel(INDArray targets) {
    this.targets = targets;
    this.rows = (int) targets.rows();
    this.dim = (int) targets.columns();
  }

  /** Uniform(−1/d, 1/d) initialisation, as in the X2Static release; deterministic for a seed. */
  public static StudentModel initialise(int rows, int dim, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] data = new float[rows * dim];
    float bound = 1f / dim;
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
    }
    return new StudentModel(Nd4j.create(data, new long[] {rows, dim}, DataType.FLOAT));
  }

  /** Wraps existing parameters (e.g. from a checkpoint). */
  public static StudentModel of(INDArray targets) {
    return new StudentModel(targets);
  }

  public int rows() {
    return rows;
  }

  public int dim() {
    return dim;
  }

  /** The parameter matrix (live, not a copy). */
  public INDArray targets() {
    return targets;
  }

  /** A copy of the parameters as a row-major float array. */
  public float[] toFloatArray() {
    return targets.dup('c').data().asFloat();
  }

  /**
   * One optimisation step.
   *
   * @return the summed loss of the batch's pairs before the update
   */
  public double step(TrainingBatch batch, Optimizer optimizer, double progress) {
    if (batch.dim() != dim) {
      throw new IllegalArgumentException(
          "context width " + batch.dim() + " differs from the student's " + dim);
    }
    int s = batch.sentences();
    int p = batch.pairs();
    int[] distinct = Arrays.copyOf(batch.pairRow(), p);
    Arrays.sort(distinct);
    int r = 0;
    for (int i = 0; i < p; i++) {
      if (i == 0 || distinct[i] != distinct[i - 1]) {
        distinct[r++] = distinct[i];
      }
    }
    int[] touched = Arrays.copyOf(distinct, r);

    INDArray contexts =
        Nd4j.create(Arrays.copyOf(batch.contexts(), s * dim), new long[] {s, dim}, DataType.FLOAT);
    INDArray values = Nd4j.pullRows(targets, 1, touched);
    // mmul returns Fortran order: dup to C order before reading the buffer row-major
    float[] scores = values.mmul(contexts.transpose()).dup('c').data().asFloat(); // R × S

    float[] coef = new float[r * s];
    double loss = 0;
    for (int i = 0; i < p; i++) {
      int u = Arrays.binarySearch(touched, batch.pairRow()[i]);
      int cell = u * s + batch.pairSentence()[i];
      float score = scores[cell];
      boolean target = batch.pairTarget()[i];
      loss += NegativeSamplingLoss.loss(score, target);
      coef[cell] += NegativeSamplingLoss.gradient(score, target);
    }
    INDArray gradient =
        Nd4j.create(coef, new long[] {r, s}, DataType.FLOAT).mmul(contexts); // R × d
    INDArray index = Nd4j.createFromArray(touched);
    optimizer.update(targets, touched, index, values, gradient, progress);
    return loss;
  }
}
