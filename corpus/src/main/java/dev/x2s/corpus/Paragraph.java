package dev.x2s.corpus;

/**
 * One non-empty text line of a corpus, stripped of surrounding whitespace.
 *
 * @param text the paragraph
 * @param line 1-based line number in the (decompressed) file
 * @param doc the enclosing WikiExtractor document, or {@code null} for plain text
 */
public record Paragraph(String text, long line, DocInfo doc) {}
