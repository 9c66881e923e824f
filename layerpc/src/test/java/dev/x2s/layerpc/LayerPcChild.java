package dev.x2s.layerpc;

import dev.x2s.teachers.testing.ContextualFakeTeacher;
import java.nio.file.Path;

/**
 * Child-process entry for {@link LayerPcResumeTest}: runs a job with the fake teacher; with
 * {@code -Dx2s.test.haltAfterSentences=N} the job halts abruptly after N sentences.
 *
 * <p>Arguments: corpus, out dir.
 */
public final class LayerPcChild {
  private LayerPcChild() {}

  public static void main(String[] args) throws Exception {
    LayerPcOptions o = LayerPcJobTest.options(Path.of(args[0]), Path.of(args[1]));
    try (ContextualFakeTeacher t = new ContextualFakeTeacher()) {
      new LayerPcJob(o, t, System.err, true).run();
    }
  }
}
