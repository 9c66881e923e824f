package dev.x2s.corpus;

/**
 * A WikiExtractor document's attributes, entities ({@code &amp;} ...) decoded.
 *
 * @param id the {@code id} attribute
 * @param url the {@code url} attribute ("" if absent)
 * @param title the {@code title} attribute ("" if absent)
 * @param line 1-based line of the {@code <doc>} tag
 */
public record DocInfo(String id, String url, String title, long line) {}
