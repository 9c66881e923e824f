package dev.x2s.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reads files written by the reference tools and compares every value bit for bit with the
 * {@code expected.tsv} beside them:
 *
 * <ul>
 *   <li>{@code gensim/}: word2vec binary and text written by gensim 4.2.0 ({@code make_fixtures.py},
 *       Debian's /usr/bin/python3); expected bits from the numpy array gensim saved.
 *   <li>{@code fasttext/}: a {@code .vec} written by Debian's fastText 0.9.2 ({@code
 *       make_fixture.sh}); expected bits as gensim reads that file.
 * </ul>
 */
class GensimInteropTest {
  private static Path resource(String name) throws URISyntaxException {
    return Path.of(GensimInteropTest.class.getResource(name).toURI());
  }

  @Test
  void readsGensimBinaryExactly() throws Exception {
    Path f = resource("/gensim/gensim.bin");
    assertEquals(VectorFormat.WORD2VEC_BINARY, VectorFiles.detect(f));
    LoadResult r = VectorFiles.read(f, ReadOptions.defaults());
    new ExpectedBits("/gensim/expected.tsv").assertMatches(r.vectors());
    assertEquals(Files.size(f), r.report().bytes());
    assertEquals(20, r.report().declaredRows());
  }

  @Test
  void readsGensimTextExactly() throws Exception {
    Path f = resource("/gensim/gensim.txt");
    assertEquals(VectorFormat.WORD2VEC_TEXT, VectorFiles.detect(f));
    new ExpectedBits("/gensim/expected.tsv").assertMatches(VectorFiles.read(f));
  }

  @Test
  void readsFastTextVecExactly() throws Exception {
    Path f = resource("/fasttext/tiny.vec");
    assertTrue(Files.readAllLines(f).get(1).endsWith(" "), "fastText's trailing space");
    assertEquals(VectorFormat.WORD2VEC_TEXT, VectorFiles.detect(f));
    new ExpectedBits("/fasttext/expected.tsv").assertMatches(VectorFiles.read(f));
  }
}
