package dev.x2s.vectors.math;

/**
 * The constants and step size of {@code torch.optim.SparseAdam} as the X2Static release runs it, in one
 * place for every Adam of x2s (the fused student rows, the learned projection, the ND4J engine): β₁ =
 * 0.9, β₂ = 0.999, ε = 1e-8, and the bias-corrected step {@code lr·√(1−β₂ᵗ)/(1−β₁ᵗ)} of the
 * optimiser's global step count t. The row update itself is {@link VectorMath#sparseAdamRow}.
 */
public final class Adam {
  public static final double BETA1 = 0.9;
  public static final double BETA2 = 0.999;
  public static final double EPSILON = 1e-8;

  private Adam() {}

  /** {@code lr·√(1−β₂ᵗ)/(1−β₁ᵗ)} for step {@code t} (1 for the first update). */
  public static double stepSize(double lr, long t) {
    return lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
  }
}
