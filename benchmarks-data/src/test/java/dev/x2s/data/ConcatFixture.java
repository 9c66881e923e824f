package dev.x2s.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** A one-entry manifest with a concat-gzip file of three parts "a\n", "b\n", "c\n". */
final class ConcatFixture {
  // `printf 'a\nb\nc\n' | sha256sum`
  static final String CONTENT_SHA = "880553fca8fcea94e325ee2cfb48e5a985cc797f39a14cc6d3cedecfeb2ae4d2";

  private ConcatFixture() {}

  static Manifest manifest(String rawBase) throws IOException {
    return Manifest.parse(
        ManifestTest.DATASETS_HEADER + "c\tcorpus\tfile\tcorpora/c.txt.gz\tunknown\tnone\tfixture\n",
        ManifestTest.FILES_HEADER + "c\tcorpora/c.txt.gz\ttext-gz\t0\t" + "0".repeat(64) + "\t3\t"
            + rawBase + "o/r/0123/part_{00..02}\tconcat-gzip\t6\t" + CONTENT_SHA + "\n");
  }

  static byte[] gzip(String s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  static byte[] gunzip(Path p) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return in.readAllBytes();
    }
  }
}
