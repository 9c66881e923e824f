package dev.x2s.data;

import dev.x2s.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download path against a local HTTP server on 127.0.0.1 standing in for the raw-file host. */
class DownloadTest {
  @TempDir Path tmp;
  HttpServer server;
  String base;
  final Map<String, byte[]> served = new ConcurrentHashMap<>();
  final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = served.get(exchange.getRequestURI().getPath());
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  DatasetResolver resolver(Manifest m) {
    DatasetResolver.Builder b =
        DatasetResolver.builder()
            .env(k -> null)
            .workingDir(tmp.resolve("nowhere"))
            .searchShared(false)
            .cacheDir(tmp.resolve("cache"))
            .baseUrl(base);
    return (m == null ? b : b.manifest(m)).build();
  }

  /** Server path for a manifest source URL: the raw-file host prefix removed. */
  static String serverPath(DatasetFile f) {
    return "/" + f.sourceUrl().substring(Downloader.GITHUB_RAW.length());
  }

  @Test
  void downloadsIntoCacheVerifiedAndReusesIt() throws IOException {
    DatasetFile f = Manifest.bundled().entry("ws353-sim").files().get(0);
    byte[] bytes = Files.readAllBytes(SharedData.dir().resolve(f.path()));
    served.put(serverPath(f), bytes);
    DatasetResolver r = resolver(null);

    ResolvedDataset d = r.resolve("ws353-sim");
    Path expected = tmp.resolve("cache").resolve(f.path());
    assertEquals(expected, d.root());
    assertTrue(d.source().startsWith("downloaded into cache"), d.source());
    assertArrayEquals(bytes, Files.readAllBytes(expected));
    assertEquals(1, requests.get());

    ResolvedDataset again = r.resolve("ws353-sim");
    assertEquals(expected, again.root());
    assertTrue(again.source().startsWith("cache "), again.source());
    assertEquals(1, requests.get(), "second resolve must not download");
  }

  @Test
  void damagedCacheCopyIsReplacedByADownload() throws IOException {
    DatasetFile f = Manifest.bundled().entry("ws353-sim").files().get(0);
    byte[] bytes = Files.readAllBytes(SharedData.dir().resolve(f.path()));
    served.put(serverPath(f), bytes);
    Path cached = tmp.resolve("cache").resolve(f.path());
    Files.createDirectories(cached.getParent());
    Files.writeString(cached, "corrupted\n");
    ResolvedDataset d = resolver(null).resolve("ws353-sim");
    assertEquals(cached, d.root());
    assertTrue(d.source().startsWith("downloaded into cache"), d.source());
    assertArrayEquals(bytes, Files.readAllBytes(cached));
    assertEquals(1, requests.get());
  }

  @Test
  void http404IsAClearErrorAndLeavesNothing() {
    DatasetResolver r = resolver(null);
    DatasetNotFoundException e =
        assertThrows(DatasetNotFoundException.class, () -> r.resolve("ws353-sim"));
    DatasetFile f = Manifest.bundled().entry("ws353-sim").files().get(0);
    String msg = e.getMessage();
    assertTrue(msg.startsWith("dataset 'ws353-sim' not found. Looked in:"), msg);
    assertTrue(msg.contains("cache " + tmp.resolve("cache") + ": no " + f.path()), msg);
    assertTrue(
        msg.contains("and the download failed: download of " + base + serverPath(f).substring(1)
            + " for " + f.path() + " failed: HTTP 404\n"),
        msg);
    assertNothingInCache();
  }

  @Test
  void corruptedBodyIsAChecksumErrorAndLeavesNothing() throws IOException {
    DatasetFile f = Manifest.bundled().entry("ws353-sim").files().get(0);
    served.put(serverPath(f), "corrupted\n".getBytes(StandardCharsets.UTF_8));
    DatasetResolver r = resolver(null);
    ChecksumMismatchException e =
        assertThrows(ChecksumMismatchException.class, () -> r.resolve("ws353-sim"));
    assertEquals(
        "sha256 mismatch for " + f.path() + " downloaded from " + base + serverPath(f).substring(1)
            + " (" + tmp.resolve("cache").resolve(f.path()) + "): expected "
            + DatasetResolverTest.WS_SIM_SHA + ", found " + DatasetResolverTest.CORRUPTED_SHA,
        e.getMessage());
    assertNothingInCache();
  }

  @Test
  void directoryEntryDownloadsEveryFile() throws IOException {
    // A small synthetic directory entry (two real SemEval files) keeps the test fast.
    Manifest full = Manifest.bundled();
    List<DatasetFile> two = full.entry("semeval2012-task2").files().subList(0, 2);
    StringBuilder rows = new StringBuilder(ManifestTest.FILES_HEADER);
    for (DatasetFile f : two) {
      served.put(serverPath(f), Files.readAllBytes(SharedData.dir().resolve(f.path())));
      rows.append(String.join("\t", "s", f.path(), f.format(), Long.toString(f.bytes()), f.sha256(),
          Long.toString(f.lines()), f.sourceUrl(), "download", "-", "-")).append('\n');
    }
    Manifest m =
        Manifest.parse(
            ManifestTest.DATASETS_HEADER
                + "s\trelational\tdirectory\tbenchmarks-data/relational/semeval2012-task2\tunknown\tc\tn\n",
            rows.toString());
    ResolvedDataset d = resolver(m).resolve("s");
    assertEquals(tmp.resolve("cache/benchmarks-data/relational/semeval2012-task2"), d.root());
    assertEquals(2, d.files().size());
    for (DatasetFile f : two) {
      assertArrayEquals(
          Files.readAllBytes(SharedData.dir().resolve(f.path())), Files.readAllBytes(d.file(f.path())));
    }
  }

  @Test
  void concatGzipAssemblesPartsAndVerifiesContent() throws IOException {
    served.put("/o/r/0123/part_00", "a\n".getBytes(StandardCharsets.UTF_8));
    served.put("/o/r/0123/part_01", "b\n".getBytes(StandardCharsets.UTF_8));
    served.put("/o/r/0123/part_02", "c\n".getBytes(StandardCharsets.UTF_8));
    // The manifest names the real raw-file host; the resolver's base URL redirects it to us.
    Path p = resolver(ConcatFixture.manifest(Downloader.GITHUB_RAW)).resolveFile("c");
    assertEquals(tmp.resolve("cache/corpora/c.txt.gz"), p);
    assertArrayEquals("a\nb\nc\n".getBytes(StandardCharsets.UTF_8), ConcatFixture.gunzip(p));
    assertEquals(3, requests.get());
  }

  @Test
  void concatGzipWithAMissingPartLeavesNothing() {
    served.put("/o/r/0123/part_00", "a\n".getBytes(StandardCharsets.UTF_8));
    served.put("/o/r/0123/part_02", "c\n".getBytes(StandardCharsets.UTF_8));
    IOException e =
        assertThrows(
            DatasetNotFoundException.class,
            () -> resolver(ConcatFixture.manifest(Downloader.GITHUB_RAW)).resolve("c"));
    assertTrue(
        e.getMessage().contains(
            "download of " + base + "o/r/0123/part_01 for corpora/c.txt.gz failed: HTTP 404"),
        e.getMessage());
    assertNothingInCache();
  }

  void assertNothingInCache() {
    try {
      assertEquals(List.of(), DatasetResolverTest.regularFiles(tmp.resolve("cache")));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
