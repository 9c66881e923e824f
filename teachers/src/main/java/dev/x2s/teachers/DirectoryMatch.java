package dev.x2s.teachers;

import java.nio.file.Path;

/**
 * A {@link TeacherProvider}'s answer about a directory: it holds one of the provider's models (and this is
 * its weights file), or why it does not (for the message when no provider recognises the directory).
 *
 * @param weights the weights file, when found
 * @param mismatch why the directory is not this provider's, when not found (e.g. {@code no options.json})
 */
public record DirectoryMatch(Path weights, String mismatch) {
  public DirectoryMatch {
    if ((weights == null) == (mismatch == null)) {
      throw new IllegalArgumentException("a match has either weights or a mismatch");
    }
  }

  public static DirectoryMatch found(Path weights) {
    return new DirectoryMatch(weights, null);
  }

  public static DirectoryMatch mismatch(String why) {
    return new DirectoryMatch(null, why);
  }

  public boolean isFound() {
    return weights != null;
  }
}
