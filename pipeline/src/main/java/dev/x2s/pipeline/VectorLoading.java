package dev.x2s.pipeline;

import dev.x2s.jobs.Progress;
import dev.x2s.vectors.LoadResult;
import dev.x2s.vectors.ProgressListener;
import dev.x2s.vectors.ReadOptions;
import dev.x2s.vectors.VectorFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Loads a vector file with a progress bar on stderr and a one-line summary. */
public final class VectorLoading {
  private VectorLoading() {}

  public static LoadResult load(Path file, ReadOptions options, boolean quiet) throws IOException {
    long size = VectorFiles.size(file); // a Model2Vec folder: its weights and tokenizer
    try (Progress p = quiet ? Progress.silent("load") : Progress.builder("load " + file.getFileName())
        .total(size).unit("B").build()) {
      long t0 = System.nanoTime();
      LoadResult r = VectorFiles.read(file, options.withProgress(delta(p)));
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (!quiet) {
        p.close();
        System.err.printf("%s: %s, %,d words × %d, loaded in %.3f s%s%n", file, r.report().format(),
            r.vectors().size(), r.vectors().dim(), seconds,
            r.report().duplicates() > 0 ? ", " + r.report().duplicates() + " duplicates dropped" : "");
      }
      return r;
    }
  }

  /** Adapts absolute "done" callbacks to the reporter's increments. */
  public static ProgressListener delta(Progress p) {
    long[] last = {0};
    return (done, total) -> {
      p.advance(done - last[0]);
      last[0] = done;
    };
  }
}
