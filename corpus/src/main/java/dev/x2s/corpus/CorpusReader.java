package dev.x2s.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Streams the paragraphs of a corpus file in file order: plain text (one paragraph or sentence per line)
 * or WikiExtractor output (doc tags and the title line that repeats the title are dropped; the document
 * is kept as {@link Paragraph#doc()}). Gzip is recognised by its magic bytes, whatever the file name.
 *
 * <p>Lines are decoded as strict UTF-8: a line with a malformed byte sequence is counted in
 * {@link CorpusStats#badUtf8Lines()} and skipped; empty lines are counted and skipped. Memory is bounded
 * by one 64 KiB read buffer plus one line ({@code maxLineBytes}, longer lines are counted and skipped).
 * A WikiExtractor file whose tags do not nest raises {@link CorpusFormatException} naming the line.
 *
 * <p>Not thread-safe. Close it to release the file.
 */
public final class CorpusReader implements Iterator<Paragraph>, AutoCloseable {
  /** Default limit on one line, far above the longest Wikipedia paragraph (6,250 chars in the 2015 sample). */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final String source;
  private final Utf8LineReader lines;
  private final CorpusStats stats;
  private CorpusFormat format;
  private DocInfo doc;
  private boolean expectTitle;
  private Paragraph next;
  private boolean done;

  private CorpusReader(InputStream in, String source, CorpusFormat format, CorpusStats stats, int maxLineBytes) {
    this.source = source;
    this.lines = new Utf8LineReader(in, maxLineBytes);
    this.format = format;
    this.stats = stats;
  }

  /** Opens a file; gzip is detected from the first two bytes. */
  public static CorpusReader open(Path file, CorpusFormat format) throws IOException {
    return open(Files.newInputStream(file), file.toString(), format, new CorpusStats(), DEFAULT_MAX_LINE_BYTES);
  }

  /**
   * Reads a stream (closed with the reader); gzip is detected from the first two bytes.
   *
   * @param source name used in error messages
   * @param stats where counts are added (shared by a {@link SentenceStream})
   */
  public static CorpusReader open(
      InputStream raw, String source, CorpusFormat format, CorpusStats stats, int maxLineBytes)
      throws IOException {
    try {
      BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
      in.mark(8);
      byte[] magic = in.readNBytes(6);
      in.reset();
      InputStream body = in;
      if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
        body = new GZIPInputStream(in, 1 << 16); // also reads concatenated gzip members
      } else {
        String other = otherCompression(magic);
        if (other != null) {
          throw new IOException(source + ": " + other + "-compressed; only gzip is read, decompress it first");
        }
      }
      return new CorpusReader(body, source, format, stats, maxLineBytes);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static String otherCompression(byte[] m) {
    if (m.length >= 3 && m[0] == 'B' && m[1] == 'Z' && m[2] == 'h') {
      return "bzip2";
    }
    if (m.length >= 6 && (m[0] & 0xff) == 0xfd && m[1] == '7' && m[2] == 'z' && m[3] == 'X' && m[4] == 'Z') {
      return "xz";
    }
    if (m.length >= 4 && (m[0] & 0xff) == 0x28 && (m[1] & 0xff) == 0xb5 && (m[2] & 0xff) == 0x2f
        && (m[3] & 0xff) == 0xfd) {
      return "zstd";
    }
    return null;
  }

  /** The format in use; {@link CorpusFormat#AUTO} until the first non-empty line has been read. */
  public CorpusFormat format() {
    return format;
  }

  public CorpusStats stats() {
    return stats;
  }

  public String source() {
    return source;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      try {
        next = advance();
      } catch (IOException e) {
        throw new UncheckedIOException(
            source + ": read error after line " + lines.lineNumber() + ": " + e.getMessage(), e);
      }
      done = next == null;
    }
    return next != null;
  }

  @Override
  public Paragraph next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Paragraph p = next;
    next = null;
    return p;
  }

  private Paragraph advance() throws IOException {
    while (true) {
      Utf8LineReader.Status status = lines.next();
      long ln = lines.lineNumber();
      switch (status) {
        case EOF -> {
          if (doc != null) {
            throw new CorpusFormatException(source, ln, "end of file inside <doc id=\"" + doc.id()
                + "\"> opened at line " + doc.line() + " (missing </doc>, truncated file?)");
          }
          return null;
        }
        case MALFORMED -> {
          stats.lines++;
          if (stats.badUtf8Lines++ == 0) {
            stats.firstBadUtf8Line = ln;
          }
          continue;
        }
        case TOO_LONG -> {
          stats.lines++;
          stats.overlongLines++;
          continue;
        }
        case OK -> stats.lines++;
        default -> throw new AssertionError(status);
      }
      String line = lines.text();
      if (ln == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1); // byte-order mark
      }
      String text = line.strip();
      if (text.isEmpty()) {
        stats.emptyLines++;
        continue;
      }
      if (format == CorpusFormat.AUTO) {
        format = text.startsWith("<doc ") ? CorpusFormat.WIKIEXTRACTOR : CorpusFormat.PLAIN;
      }
      if (format == CorpusFormat.PLAIN) {
        stats.paragraphs++;
        return new Paragraph(text, ln, null);
      }
      if (text.startsWith("<doc ") && text.endsWith(">")) {
        if (doc != null) {
          throw new CorpusFormatException(source, ln, "<doc> inside <doc id=\"" + doc.id()
              + "\"> opened at line " + doc.line());
        }
        doc = parseDoc(text, ln);
        expectTitle = true;
        stats.documents++;
        continue;
      }
      if (text.equals("</doc>")) {
        if (doc == null) {
          throw new CorpusFormatException(source, ln, "</doc> without <doc>");
        }
        doc = null;
        continue;
      }
      if (doc == null) {
        throw new CorpusFormatException(source, ln, "text outside <doc>...</doc>");
      }
      if (expectTitle) {
        expectTitle = false;
        if (text.equals(doc.title()) || unescape(text).equals(doc.title())) {
          stats.titleLines++;
          continue;
        }
      }
      stats.paragraphs++;
      return new Paragraph(text, ln, doc);
    }
  }

  private DocInfo parseDoc(String tag, long ln) {
    String id = null;
    String url = "";
    String title = "";
    Matcher m = ATTRIBUTE.matcher(tag);
    while (m.find()) {
      switch (m.group(1)) {
        case "id" -> id = unescape(m.group(2));
        case "url" -> url = unescape(m.group(2));
        case "title" -> title = unescape(m.group(2));
        default -> { }
      }
    }
    if (id == null) {
      throw new CorpusFormatException(source, ln, "<doc> tag without id attribute: " + abbreviate(tag));
    }
    return new DocInfo(id, url, title, ln);
  }

  /** Decodes the XML entities WikiExtractor writes in attributes and title lines. */
  static String unescape(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "...";
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
