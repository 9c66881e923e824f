package dev.x2s.x2static;

/**
 * The X2Static objective for one target: {@code −[log σ(c·u_w) + Σ_neg log σ(−c·u_neg)]}, with scores
 * clamped to ±20 as in the released code. Its gradient with respect to a row {@code u} scored with
 * label y ∈ {1 (target), 0 (negative)} is {@code (σ(s) − y) · c}; the gradient with respect to the
 * context {@code c} (used by the optional projection) is {@code Σ (σ(s) − y) · u}.
 */
public final class NegativeSamplingLoss {
  public static final float CLAMP = 20f;

  private NegativeSamplingLoss() {}

  public static float clamp(float score) {
    return Math.max(-CLAMP, Math.min(CLAMP, score));
  }

  public static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** {@code log σ(x)} computed stably. */
  public static double logSigmoid(double x) {
    return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
  }

  /** Loss of one scored row: {@code −log σ(s)} for the target, {@code −log σ(−s)} for a negative. */
  public static double loss(float score, boolean target) {
    float s = clamp(score);
    return -logSigmoid(target ? s : -s);
  }

  /**
   * {@code d loss / d score} = σ(s) − y. At the clamp the gradient is zero, as with a clamp in the
   * released PyTorch code.
   */
  public static float gradient(float score, boolean target) {
    if (score >= CLAMP || score <= -CLAMP) {
      return 0f;
    }
    return (float) (sigmoid(score) - (target ? 1 : 0));
  }
}
