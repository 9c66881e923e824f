package dev.x2s.corpus;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JDK's {@code BreakIterator.getSentenceInstance(Locale.ENGLISH)}. Kept for comparison: it breaks
 * after titles and initials ({@code Mr. Smith}, {@code J. R. R. Tolkien}); see the README "Corpus".
 */
public final class BreakIteratorSentenceSplitter implements SentenceSplitter {
  // BreakIterator instances are stateful; one per thread
  private final ThreadLocal<BreakIterator> iterator =
      ThreadLocal.withInitial(() -> BreakIterator.getSentenceInstance(Locale.ENGLISH));

  @Override
  public List<String> split(String paragraph) {
    BreakIterator it = iterator.get();
    it.setText(paragraph);
    List<String> out = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      String s = paragraph.substring(start, end).strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
