package dev.x2s.evaluate.scoring;

import java.util.Locale;

/** How benchmark items with words missing from the vocabulary are treated (docs/PROTOCOLS.md). */
public enum Protocol {
  /** Drop every item with a missing word; coverage = kept items / items. */
  SKIP,
  /** Replace a missing word by the mean of all loaded vectors; coverage = found words / words. */
  MEANFILL;

  /** The lower-case name used on the command line and in reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code skip} or {@code meanfill} (case-insensitive). */
  public static Protocol parse(String s) {
    for (Protocol p : values()) {
      if (p.id().equalsIgnoreCase(s.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown protocol '" + s + "' (expected skip or meanfill)");
  }
}
