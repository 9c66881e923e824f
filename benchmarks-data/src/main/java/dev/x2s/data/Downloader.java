package dev.x2s.data;

import dev.x2s.jobs.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Fetches a manifest file from its pinned source into a target path: streamed to a temp file in the
 * target's directory, checked against the manifest sha256, then renamed into place, so the target
 * either appears complete and verified or not at all.
 */
final class Downloader {
  /** The host prefix the manifest's source URLs use; {@link #baseUrl} replaces it when set. */
  static final String GITHUB_RAW = "https://raw.githubusercontent.com/";

  private final HttpClient client;
  private final String baseUrl;

  /**
   * @param baseUrl replaces {@link #GITHUB_RAW} in source URLs (a mirror, or a test server), or null
   */
  Downloader(String baseUrl) {
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    this.baseUrl = baseUrl == null || baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  }

  /** The URL actually fetched for a manifest source URL. */
  String effectiveUrl(String sourceUrl) {
    if (baseUrl != null && sourceUrl.startsWith(GITHUB_RAW)) {
      return baseUrl + sourceUrl.substring(GITHUB_RAW.length());
    }
    return sourceUrl;
  }

  /** Downloads {@code spec} to {@code target} (replacing it), verified; nothing is left on failure. */
  void fetch(DatasetFile spec, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
    try {
      if (spec.assembly() == Assembly.DOWNLOAD) {
        String url = effectiveUrl(spec.sourceUrl());
        MessageDigest d = Sha256.digest();
        try (OutputStream out = Files.newOutputStream(tmp)) {
          copy(url, spec, out, d);
        }
        String found = Sha256.hex(d);
        if (!found.equals(spec.sha256())) {
          throw new ChecksumMismatchException(
              target, spec.path() + " downloaded from " + url, spec.sha256(), found);
        }
      } else {
        assembleConcatGzip(spec, tmp, target);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private void assembleConcatGzip(DatasetFile spec, Path tmp, Path target) throws IOException {
    List<String> urls = spec.sourceUrls();
    MessageDigest d = Sha256.digest();
    long total = 0;
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
      for (String part : urls) {
        total += copy(effectiveUrl(part), spec, out, d);
      }
    }
    String found = Sha256.hex(d);
    String what =
        spec.path() + " assembled from " + urls.size() + " parts "
            + effectiveUrl(urls.get(0)) + " .. " + effectiveUrl(urls.get(urls.size() - 1));
    if (!found.equals(spec.contentSha256())) {
      throw new ChecksumMismatchException(
          target, what + " (uncompressed concatenation, " + total + " bytes)",
          spec.contentSha256(), found);
    }
    if (spec.contentBytes() >= 0 && total != spec.contentBytes()) {
      throw new IOException(
          what + ": " + total + " bytes, expected " + spec.contentBytes() + " (" + target + ")");
    }
  }

  /** Streams one URL into {@code out}, updating {@code digest}; returns the byte count. */
  private long copy(String url, DatasetFile spec, OutputStream out, MessageDigest digest)
      throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("download of " + url + " for " + spec.path() + " interrupted", e);
    } catch (IOException e) {
      throw new IOException("download of " + url + " for " + spec.path() + " failed: " + e, e);
    }
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException(
            "download of " + url + " for " + spec.path() + " failed: HTTP " + response.statusCode());
      }
      byte[] buf = new byte[1 << 16];
      long n = 0;
      for (int r; (r = in.read(buf)) > 0; ) {
        out.write(buf, 0, r);
        digest.update(buf, 0, r);
        n += r;
      }
      return n;
    }
  }
}
