package dev.x2s.data;

import java.io.IOException;
import java.util.List;

/** No location holds a dataset and it could not be downloaded; the message lists where we looked. */
public class DatasetNotFoundException extends IOException {
  public DatasetNotFoundException(String id, List<String> looked, String downloadProblem) {
    this(id, looked, downloadProblem, null);
  }

  public DatasetNotFoundException(
      String id, List<String> looked, String downloadProblem, Throwable cause) {
    super(
        "dataset '" + id + "' not found. Looked in:\n  - " + String.join("\n  - ", looked)
            + "\nand " + downloadProblem
            + "\nGive a data directory with --data DIR or $X2S_DATA (laid out like shared/ or"
            + " shared/benchmarks-data), or allow the download.",
        cause);
  }
}
