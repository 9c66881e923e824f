package dev.x2s.data;

import dev.x2s.jobs.CacheRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves manifest entries to verified local files. Locations are tried in this order:
 *
 * <ol>
 *   <li>the directory given by the caller ({@code --data DIR});
 *   <li>the directory in {@code $X2S_DATA};
 *   <li>{@code shared/} in the working directory or the nearest parent that has {@code
 *       shared/benchmarks-data} (so {@code ../shared} from a project checkout);
 *   <li>the cache ({@code $X2S_CACHE/data}, default {@code ~/.cache/x2s/data});
 *   <li>a download of the pinned source URLs into the cache.
 * </ol>
 *
 * A data directory may be laid out like {@code shared/} (files under {@code benchmarks-data/} and
 * {@code corpora/}) or like {@code shared/benchmarks-data} itself. A location is used for an entry
 * only if it holds all of the entry's files; every file found is sha256-verified (a mismatch is an
 * error, not a reason to look further, except in the cache, whose damaged copies are re-downloaded),
 * and verified size+mtime stamps are remembered in a sidecar in the cache so later runs do not
 * re-hash. When nothing is found and the download is disabled or fails, a {@link
 * DatasetNotFoundException} lists every place looked. The source base URL can be replaced (mirror, test server)
 * with {@link Builder#baseUrl} or the system property {@value #BASE_URL_PROPERTY}; downloads can be
 * disabled with {@link Builder#download(boolean)} or {@code -D}{@value #OFFLINE_PROPERTY}{@code
 * =true}.
 */
public final class DatasetResolver {
  /** System property replacing the source URLs' {@code https://raw.githubusercontent.com/} prefix. */
  public static final String BASE_URL_PROPERTY = "x2s.data.baseUrl";
  /** System property that disables downloads when {@code true}. */
  public static final String OFFLINE_PROPERTY = "x2s.data.offline";

  private static final String BENCH_PREFIX = "benchmarks-data/";

  private final Manifest manifest;
  private final Path dataDir;
  private final Function<String, String> env;
  private final Path workingDir;
  private final boolean searchShared;
  private final Path cacheDir;
  private final boolean download;
  private final Downloader downloader;
  private final VerifiedFiles verified;

  private DatasetResolver(Builder b) {
    this.manifest = b.manifest != null ? b.manifest : Manifest.bundled();
    this.dataDir = b.dataDir;
    this.env = b.env;
    this.searchShared = b.searchShared;
    this.workingDir =
        (b.workingDir != null ? b.workingDir : Path.of(System.getProperty("user.dir")))
            .toAbsolutePath()
            .normalize();
    this.cacheDir = b.cacheDir != null ? b.cacheDir : defaultCacheDir(env);
    this.download =
        b.download != null ? b.download : !Boolean.getBoolean(OFFLINE_PROPERTY);
    this.downloader =
        new Downloader(b.baseUrl != null ? b.baseUrl : System.getProperty(BASE_URL_PROPERTY));
    this.verified = new VerifiedFiles(cacheDir.resolve(".verified.tsv"));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code $X2S_CACHE/data}, else {@code ~/.cache/x2s/data}. */
  static Path defaultCacheDir(Function<String, String> env) {
    return CacheRoot.of(env).resolve("data");
  }

  /** The cache directory downloads go to. */
  public Path cacheDir() {
    return cacheDir;
  }

  public Manifest manifest() {
    return manifest;
  }

  /** Resolves the entry with this id (see the class comment for the order). */
  public ResolvedDataset resolve(String id) throws IOException {
    return resolve(manifest.entry(id));
  }

  /** Resolves a file entry to its one local file. */
  public Path resolveFile(String id) throws IOException {
    DatasetEntry e = manifest.entry(id);
    if (e.directory()) {
      throw new IllegalArgumentException("entry '" + id + "' is a directory; use resolve()");
    }
    return resolve(e).root();
  }

  /** Resolves an entry to verified local files, downloading into the cache if needed. */
  public ResolvedDataset resolve(DatasetEntry entry) throws IOException {
    List<String> looked = new ArrayList<>();
    for (Location loc : locations(looked)) {
      ResolvedDataset found = lookIn(loc, entry, looked);
      if (found != null) {
        return found;
      }
    }
    if (!download) {
      throw new DatasetNotFoundException(
          entry.id(), looked, "downloading is disabled (" + OFFLINE_PROPERTY + "=true or by caller)");
    }
    try {
      return downloadInto(entry);
    } catch (ChecksumMismatchException e) {
      throw e; // the source answered, with the wrong bytes: say exactly that
    } catch (IOException e) {
      throw new DatasetNotFoundException(
          entry.id(), looked, "the download failed: " + e.getMessage(), e);
    } finally {
      verified.save();
    }
  }

  /** A place to look; a damaged file in the cache is re-downloaded, elsewhere it is an error. */
  private record Location(Path dir, String label, boolean cache) {}

  private List<Location> locations(List<String> looked) {
    List<Location> locs = new ArrayList<>();
    if (dataDir != null) {
      locs.add(new Location(dataDir.toAbsolutePath().normalize(), "--data " + dataDir, false));
    }
    String fromEnv = env.apply("X2S_DATA");
    if (fromEnv != null && !fromEnv.isBlank()) {
      locs.add(
          new Location(Path.of(fromEnv).toAbsolutePath().normalize(), "$X2S_DATA " + fromEnv, false));
    }
    Path shared = searchShared ? findShared(workingDir) : null;
    if (!searchShared) {
      looked.add("shared directories not searched");
    } else if (shared != null) {
      locs.add(new Location(shared, "shared directory " + shared, false));
    } else {
      looked.add("no shared/benchmarks-data in " + workingDir + " or any parent");
    }
    locs.add(new Location(cacheDir, "cache " + cacheDir, true));
    return locs;
  }

  /** The nearest {@code D/shared} with a {@code benchmarks-data} directory, D = dir or a parent. */
  static Path findShared(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      Path shared = d.resolve("shared");
      if (Files.isDirectory(shared.resolve("benchmarks-data"))) {
        return shared;
      }
    }
    return null;
  }

  /** Where {@code manifestPath} would be in {@code dir}: shared/ layout first, then benchmarks-data/. */
  private static Path locate(Path dir, String manifestPath) {
    Path p = dir.resolve(manifestPath);
    if (Files.isRegularFile(p)) {
      return p;
    }
    if (manifestPath.startsWith(BENCH_PREFIX)) {
      Path q = dir.resolve(manifestPath.substring(BENCH_PREFIX.length()));
      if (Files.isRegularFile(q)) {
        return q;
      }
    }
    return null;
  }

  private ResolvedDataset lookIn(Location loc, DatasetEntry entry, List<String> looked)
      throws IOException {
    Map<String, Path> files = new LinkedHashMap<>();
    int missing = 0;
    for (DatasetFile f : entry.files()) {
      Path p = locate(loc.dir(), f.path());
      if (p == null) {
        missing++;
      } else {
        files.put(f.path(), p);
      }
    }
    if (missing > 0) {
      looked.add(
          loc.label() + ": "
              + (entry.files().size() == 1
                  ? "no " + entry.root()
                  : missing + " of " + entry.files().size() + " files under " + entry.root()
                      + " missing"));
      return null;
    }
    try {
      for (DatasetFile f : entry.files()) {
        verified.verify(files.get(f.path()), f);
      }
    } catch (ChecksumMismatchException e) {
      if (!loc.cache()) {
        throw e;
      }
      looked.add(loc.label() + ": damaged copy (" + e.getMessage() + ")");
      return null; // downloadInto replaces it
    } finally {
      verified.save();
    }
    return new ResolvedDataset(entry, rootOf(entry, files), files, loc.label());
  }

  private static Path rootOf(DatasetEntry entry, Map<String, Path> files) {
    DatasetFile first = entry.files().get(0);
    Path p = files.get(first.path());
    if (!entry.directory()) {
      return p;
    }
    // strip the file's path below the root to get the root directory in this location
    int below = Path.of(first.path().substring(entry.root().length() + 1)).getNameCount();
    for (int i = 0; i < below; i++) {
      p = p.getParent();
    }
    return p;
  }

  private ResolvedDataset downloadInto(DatasetEntry entry) throws IOException {
    Map<String, Path> files = new LinkedHashMap<>();
    for (DatasetFile f : entry.files()) {
      Path target = cacheDir.resolve(f.path());
      if (Files.isRegularFile(target)) {
        try {
          verified.verify(target, f); // kept from an earlier, partial resolution
          files.put(f.path(), target);
          continue;
        } catch (ChecksumMismatchException stale) {
          // a damaged cache copy is replaced by a fresh download
        }
      }
      downloader.fetch(f, target);
      verified.verify(target, f); // records the stamp; cheap relative to the download
      files.put(f.path(), target);
    }
    return new ResolvedDataset(
        entry, rootOf(entry, files), files, "downloaded into cache " + cacheDir);
  }

  /** Options for a {@link DatasetResolver}; every one has a default. */
  public static final class Builder {
    private Manifest manifest;
    private Path dataDir;
    private Function<String, String> env = System::getenv;
    private Path workingDir;
    private boolean searchShared = true;
    private Path cacheDir;
    private Boolean download;
    private String baseUrl;

    private Builder() {}

    /** The manifest to resolve against (default: the bundled one). */
    public Builder manifest(Manifest m) {
      this.manifest = m;
      return this;
    }

    /** A data directory given by the caller ({@code --data DIR}); tried first. May be null. */
    public Builder dataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    /** Environment lookup (default {@link System#getenv(String)}); tests pass a map. */
    public Builder env(Function<String, String> env) {
      this.env = env;
      return this;
    }

    /** Directory the upward search for {@code shared/} starts from (default {@code user.dir}). */
    /**
     * Whether to look for a {@code shared/} directory above the working directory (default true);
     * tests switch it off so that a shared directory on the machine cannot answer for the cache.
     */
    public Builder searchShared(boolean search) {
      this.searchShared = search;
      return this;
    }

    public Builder workingDir(Path dir) {
      this.workingDir = dir;
      return this;
    }

    /** Cache directory (default {@code $X2S_CACHE/data} or {@code ~/.cache/x2s/data}). */
    public Builder cacheDir(Path dir) {
      this.cacheDir = dir;
      return this;
    }

    /** Whether downloading is allowed (default: yes, unless the offline system property is true). */
    public Builder download(boolean allowed) {
      this.download = allowed;
      return this;
    }

    /**
     * Replaces the {@code https://raw.githubusercontent.com/} prefix of source URLs (default: the
     * system property {@value DatasetResolver#BASE_URL_PROPERTY}, else unchanged).
     */
    public Builder baseUrl(String url) {
      this.baseUrl = url;
      return this;
    }

    public DatasetResolver build() {
      return new DatasetResolver(this);
    }
  }
}
