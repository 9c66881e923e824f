package dev.x2s.corpus;

import java.util.Set;

/**
 * English words whose trailing period does not end a sentence, in the spirit of the Moses
 * {@code nonbreaking_prefix.en} list (titles, common Latin abbreviations), written out here. Used by the
 * sentence splitter (no break after them) and the word tokenizer (the period stays on the word).
 * Company suffixes ({@code Inc. Ltd. Co.}) are deliberately absent: they end sentences as often as not.
 */
final class Abbreviations {
  private Abbreviations() {}

  /** Followed by anything, the period is part of the word. Case-sensitive, without the period. */
  private static final Set<String> ALWAYS = Set.of(
      "Adj", "Adm", "Adv", "Asst", "Bart", "Bldg", "Brig", "Bros", "Capt", "Cmdr", "Col", "Comdr",
      "Con", "Corp", "Cpl", "Dr", "Drs", "Ens", "Fr", "Ft", "Gen", "Gov", "Hon", "Hosp", "Insp", "Jr",
      "Lt", "Maj", "Messrs", "Mlle", "Mme", "Mr", "Mrs", "Ms", "Msgr", "Mt", "Op", "Ord", "Pfc", "Ph",
      "Prof", "Pvt", "Rep", "Reps", "Res", "Rev", "Rt", "Sen", "Sens", "Sfc", "Sgt", "Sr", "St",
      "Supt", "Surg", "vs", "v", "etc", "cf", "al", "approx", "ca", "viz", "Ph.D", "e.g", "i.e");

  /** Not a sentence end only when a number follows ({@code No. 5}, {@code Jan. 12}, {@code pp. 3}). */
  private static final Set<String> BEFORE_NUMBER = Set.of(
      "No", "Nos", "no", "Art", "Nr", "p", "pp", "Vol", "vol", "Fig", "fig", "Ch", "ch", "Sec", "sec",
      "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
      "c", "fl", "b", "d", "r"); // circa, floruit, born, died, reigned: "c. 610 BC", "fl. 434"

  /**
   * Whether the period after {@code word} (given without the period) is an abbreviation's.
   *
   * @param beforeNumber whether the next non-space character is a digit
   */
  static boolean keepsPeriod(String word, boolean beforeNumber) {
    return isInitial(word) || isAcronym(word) || ALWAYS.contains(word)
        || (beforeNumber && BEFORE_NUMBER.contains(word));
  }

  /** A single upper-case letter: the {@code J} of {@code J. R. R. Tolkien}. */
  static boolean isInitial(String w) {
    return w.length() == 1 && Character.isUpperCase(w.charAt(0));
  }

  /** Single letters joined by periods, final period excluded: {@code U.S}, {@code e.g}, {@code a.m}. */
  static boolean isAcronym(String w) {
    int n = w.length();
    if (n < 3 || (n & 1) == 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = w.charAt(i);
      if ((i & 1) == 0 ? !Character.isLetter(c) : c != '.') {
        return false;
      }
    }
    return true;
  }
}
