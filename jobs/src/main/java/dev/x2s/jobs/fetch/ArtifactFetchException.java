package dev.x2s.jobs.fetch;

/** An artifact is missing from the local repository and could not be fetched; the message says why and how. */
public final class ArtifactFetchException extends IllegalStateException {
  private final String coordinates;

  public ArtifactFetchException(String coordinates, String message) {
    super(coordinates + ": " + message);
    this.coordinates = coordinates;
  }

  public ArtifactFetchException(String coordinates, String message, Throwable cause) {
    super(coordinates + ": " + message, cause);
    this.coordinates = coordinates;
  }

  /** {@code group:artifact:version} of the artifact. */
  public String coordinates() {
    return coordinates;
  }
}
