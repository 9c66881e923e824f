package dev.x2s.tools.tforacle;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * Writes a tiny TF tensor bundle with TensorFlow's own SaveV2 op, as a fixture for x2s's
 * TensorBundleReader: {@code a} float32 [2,3] = 0.5, 1.5, …, 5.5; {@code b/c} float32 [4] = -1, 0, 1e-3, 3e8;
 * {@code n} int32 [2] = 7, 8.
 *
 * <p>Usage: {@code TinyBundleWriter <prefix>} (writes {@code <prefix>.index} and
 * {@code <prefix>.data-00000-of-00001}).
 */
public final class TinyBundleWriter {
  private TinyBundleWriter() {}

  public static void main(String[] args) throws Exception {
    Path prefix = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(prefix.getParent());
    Ops tf = Ops.create();
    Operand<?> a = tf.reshape(tf.constant(new float[] {0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f}),
        tf.constant(new int[] {2, 3}));
    Operand<?> bc = tf.constant(new float[] {-1f, 0f, 1e-3f, 3e8f});
    Operand<?> n = tf.constant(new int[] {7, 8});
    tf.train.save(
        tf.constant(prefix.toString()),
        tf.constant(StandardCharsets.UTF_8, new String[] {"a", "b/c", "n"}),
        tf.constant(StandardCharsets.UTF_8, new String[] {"", "", ""}),
        List.of(a, bc, n));
    System.err.println("wrote " + prefix + ".index and its data shard; shape check " + Shape.of(2, 3));
  }
}
