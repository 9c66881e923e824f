package dev.x2s.corpus;

import dev.x2s.testkit.SharedData;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {
  static final String WIKI = """
      <doc id="12" url="http://en.wikipedia.org/wiki?curid=12" title="Anarchism">
      Anarchism

      Anarchism is a political philosophy. It advocates stateless societies.
      Etymology and terminology.

      </doc>
      <doc id="4729" url="http://en.wikipedia.org/wiki?curid=4729" title="Batman &amp; Robin (film)">
      Batman &amp; Robin (film)

      Batman & Robin is a 1997 film.

      </doc>
      """;

  static CorpusReader reader(byte[] bytes, CorpusFormat format) throws IOException {
    return reader(bytes, format, CorpusReader.DEFAULT_MAX_LINE_BYTES);
  }

  static CorpusReader reader(byte[] bytes, CorpusFormat format, int maxLine) throws IOException {
    return CorpusReader.open(new ByteArrayInputStream(bytes), "sample.txt", format, new CorpusStats(), maxLine);
  }

  static List<Paragraph> all(CorpusReader r) {
    List<Paragraph> out = new ArrayList<>();
    r.forEachRemaining(out::add);
    return out;
  }

  static List<String> texts(List<Paragraph> ps) {
    return ps.stream().map(Paragraph::text).toList();
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
      gz.write(b);
    }
    return bo.toByteArray();
  }

  @Test
  void wikiExtractorDropsTagsAndTitlesAndKeepsMetadata() throws IOException {
    try (CorpusReader r = reader(WIKI.getBytes(UTF_8), CorpusFormat.AUTO)) {
      List<Paragraph> ps = all(r);
      assertEquals(CorpusFormat.WIKIEXTRACTOR, r.format());
      assertEquals(List.of(
          "Anarchism is a political philosophy. It advocates stateless societies.",
          "Etymology and terminology.",
          "Batman & Robin is a 1997 film."), texts(ps));
      assertEquals("12", ps.get(0).doc().id());
      assertEquals("Anarchism", ps.get(0).doc().title());
      assertEquals(4, ps.get(0).line());
      assertEquals("4729", ps.get(2).doc().id());
      assertEquals("Batman & Robin (film)", ps.get(2).doc().title()); // entity decoded in metadata
      assertEquals("http://en.wikipedia.org/wiki?curid=4729", ps.get(2).doc().url());
      CorpusStats s = r.stats();
      assertEquals(13, s.lines());
      assertEquals(2, s.documents());
      assertEquals(2, s.titleLines());
      assertEquals(3, s.paragraphs());
      assertEquals(4, s.emptyLines());
    }
  }

  @Test
  void titleLineThatDiffersFromTheTitleIsKept() throws IOException {
    String doc = "<doc id=\"1\" url=\"u\" title=\"A\">\nNot the title\nBody.\n</doc>\n";
    try (CorpusReader r = reader(doc.getBytes(UTF_8), CorpusFormat.WIKIEXTRACTOR)) {
      assertEquals(List.of("Not the title", "Body."), texts(all(r)));
      assertEquals(0, r.stats().titleLines());
    }
  }

  @Test
  void gzipIsDetectedByMagicNotByName(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("corpus.txt"); // gzip without .gz
    Files.write(gz, gzip(WIKI.getBytes(UTF_8)));
    Path plainNamedGz = dir.resolve("plain.gz"); // .gz that is not gzip
    Files.writeString(plainNamedGz, "one line\ntwo line\n");
    try (CorpusReader r = CorpusReader.open(gz, CorpusFormat.AUTO)) {
      assertEquals(3, all(r).size());
      assertEquals(2, r.stats().documents());
    }
    try (CorpusReader r = CorpusReader.open(plainNamedGz, CorpusFormat.AUTO)) {
      assertEquals(List.of("one line", "two line"), texts(all(r)));
      assertEquals(CorpusFormat.PLAIN, r.format());
    }
  }

  @Test
  void concatenatedGzipMembersAreAllRead() throws IOException {
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(gzip("first\n".getBytes(UTF_8)));
    both.write(gzip("second\n".getBytes(UTF_8)));
    try (CorpusReader r = reader(both.toByteArray(), CorpusFormat.PLAIN)) {
      assertEquals(List.of("first", "second"), texts(all(r)));
    }
  }

  @Test
  void otherCompressionIsRefusedWithTheFileName() {
    byte[] bz = "BZh91AY&SY....".getBytes(UTF_8);
    IOException e = assertThrows(IOException.class, () -> reader(bz, CorpusFormat.AUTO));
    assertTrue(e.getMessage().contains("sample.txt") && e.getMessage().contains("bzip2"), e.getMessage());
  }

  @Test
  void malformedUtf8LinesAreCountedAndSkipped() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("good one\n".getBytes(UTF_8));
    b.write(new byte[] {'b', 'a', 'd', ' ', (byte) 0xC3, '(', '\n'}); // lead byte without continuation
    b.write(new byte[] {(byte) 0xFF, 'x', '\n'}); // never valid in UTF-8
    b.write(new byte[] {(byte) 0xC0, (byte) 0xAF, '\n'}); // overlong encoding of '/'
    b.write(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'}); // encoded surrogate U+D800
    b.write("caf\u00e9 ok\n".getBytes(UTF_8));
    b.write(new byte[] {'t', 'r', 'u', 'n', 'c', (byte) 0xE2, (byte) 0x82}); // truncated at end of file
    try (CorpusReader r = reader(b.toByteArray(), CorpusFormat.PLAIN)) {
      assertEquals(List.of("good one", "café ok"), texts(all(r)));
      assertEquals(7, r.stats().lines());
      assertEquals(5, r.stats().badUtf8Lines());
      assertEquals(2, r.stats().firstBadUtf8Line());
      assertEquals(2, r.stats().paragraphs());
    }
  }

  @Test
  void crlfEmptyLinesBomAndMissingFinalNewline() throws IOException {
    byte[] b = "\uFEFFfirst\r\n\r\n   \r\n\tsecond  \r\nlast".getBytes(UTF_8);
    try (CorpusReader r = reader(b, CorpusFormat.AUTO)) {
      List<Paragraph> ps = all(r);
      assertEquals(List.of("first", "second", "last"), texts(ps));
      assertEquals(List.of(1L, 4L, 5L), ps.stream().map(Paragraph::line).toList());
      assertNull(ps.get(0).doc());
      assertEquals(5, r.stats().lines());
      assertEquals(2, r.stats().emptyLines());
    }
  }

  @Test
  void linesLongerThanTheBufferAndOverLimit() throws IOException {
    String longLine = "x".repeat(200_000); // spans several 64 KiB reads
    String tooLong = "y".repeat(300_001);
    byte[] b = (longLine + "\n" + tooLong + "\nshort\n").getBytes(UTF_8);
    try (CorpusReader r = reader(b, CorpusFormat.PLAIN, 300_000)) {
      assertEquals(List.of(longLine, "short"), texts(all(r)));
      assertEquals(1, r.stats().overlongLines());
      assertEquals(3, r.stats().lines());
    }
  }

  @Test
  void plainTextStartingWithDocIsReadAsPlainWhenAsked() throws IOException {
    try (CorpusReader r = reader(WIKI.getBytes(UTF_8), CorpusFormat.PLAIN)) {
      assertEquals(9, all(r).size()); // every non-empty line, tags included
      assertEquals(0, r.stats().documents());
    }
  }

  @Test
  void brokenNestingNamesFileAndLine() {
    String nested = "<doc id=\"1\" title=\"A\">\nA\n<doc id=\"2\" title=\"B\">\n";
    CorpusFormatException e = assertThrows(CorpusFormatException.class,
        () -> all(reader(nested.getBytes(UTF_8), CorpusFormat.AUTO)));
    assertTrue(e.getMessage().startsWith("sample.txt:3: "), e.getMessage());

    String stray = "<doc id=\"1\" title=\"A\">\nA\n</doc>\n</doc>\n";
    e = assertThrows(CorpusFormatException.class, () -> all(reader(stray.getBytes(UTF_8), CorpusFormat.AUTO)));
    assertTrue(e.getMessage().startsWith("sample.txt:4: </doc> without <doc>"), e.getMessage());

    String truncated = "<doc id=\"7\" title=\"A\">\nA\ntext\n";
    e = assertThrows(CorpusFormatException.class,
        () -> all(reader(truncated.getBytes(UTF_8), CorpusFormat.AUTO)));
    assertTrue(e.getMessage().contains("id=\"7\"") && e.getMessage().contains("missing </doc>"), e.getMessage());

    String outside = "<doc id=\"1\" title=\"A\">\nA\n</doc>\nloose text\n";
    e = assertThrows(CorpusFormatException.class, () -> all(reader(outside.getBytes(UTF_8), CorpusFormat.AUTO)));
    assertTrue(e.getMessage().startsWith("sample.txt:4: text outside"), e.getMessage());
  }

  /**
   * Reference counts from the shared corpus with awk (lines 1..2000 of the decompressed file):
   * {@code zcat enwiki-2015-AA.wikiextractor.txt.gz | head -2000 | awk 'BEGIN{t=0} /^<doc /{t=1;d++;next}
   * /^<\/doc>$/{next} /^[[:space:]]*$/{e++;next} {if(t==1){t=0;ti++;next} p++}
   * END{print d,p,ti,e}'} → 29 1857 29 57 (line 2000 is a paragraph).
   */
  @Test
  void realCorpusHead() throws IOException {
    try (CorpusReader r = CorpusReader.open(SharedData.corpus(), CorpusFormat.AUTO)) {
      Paragraph p = null;
      while (r.hasNext()) {
        p = r.next();
        if (p.line() >= 2000) {
          break;
        }
      }
      assertEquals(2000, p.line());
      assertTrue(p.text().startsWith("Such songs were originally addressed to Apollo"));
      assertEquals(CorpusFormat.WIKIEXTRACTOR, r.format());
      CorpusStats s = r.stats();
      assertEquals(2000, s.lines());
      assertEquals(29, s.documents());
      assertEquals(29, s.titleLines());
      assertEquals(1857, s.paragraphs());
      assertEquals(57, s.emptyLines());
      assertEquals(0, s.badUtf8Lines());
    }
  }

  /**
   * Whole-corpus counts, same awk over the whole file: 6514 documents, 304432 paragraphs, 6514 titles,
   * 13214 empty or blank lines; {@code wc -l} → 337188 lines.
   */
  @Test
  void realCorpusWhole() throws IOException {
    try (CorpusReader r = CorpusReader.open(SharedData.corpus(), CorpusFormat.AUTO)) {
      long n = 0;
      while (r.hasNext()) {
        r.next();
        n++;
      }
      CorpusStats s = r.stats();
      assertEquals(337_188, s.lines());
      assertEquals(6_514, s.documents());
      assertEquals(6_514, s.titleLines());
      assertEquals(304_432, s.paragraphs());
      assertEquals(304_432, n);
      assertEquals(13_214, s.emptyLines());
      assertEquals(0, s.badUtf8Lines());
    }
  }
}
