package dev.x2s.layerpc;

import java.util.Locale;

/** A way to turn a word's contextual vectors at one layer into one static vector. */
public enum Method {
  /** Uncentred top right singular vector of the sampled occurrences (Ethayarajh 2019). */
  PC("pc"),
  /** The same after subtracting the occurrences' mean (classic PCA). */
  PC_CENTRED("pc-centred"),
  /** Mean of all the word's occurrences in the corpus (Bommasani et al. 2020). */
  MEAN("mean"),
  /** The word encoded alone, with the model's special tokens: covers words never seen in the corpus. */
  DECONTEXT("decontext");

  private final String id;

  Method(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Method parse(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    for (Method m : values()) {
      if (m.id.equals(t) || (m == PC_CENTRED && t.equals("pc-centered"))) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown method '" + s + "' (pc, pc-centred, mean, decontext)");
  }
}
