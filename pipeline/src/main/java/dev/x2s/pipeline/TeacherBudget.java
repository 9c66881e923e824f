package dev.x2s.pipeline;

import dev.x2s.corpus.Sentence;
import dev.x2s.teachers.Teacher;
import dev.x2s.teachers.extract.ContextExtractor;
import dev.x2s.teachers.extract.ExtractionOptions;
import dev.x2s.jobs.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Teacher time planned before it is spent: the teacher is timed on this machine over a sample of corpus
 * sentences and a sample of words alone, and the budget is split so that every shipped word is encoded
 * alone (coverage first) and the rest of the time goes to corpus sentences.
 *
 * @param seconds the budget
 * @param sentencesPerSecond measured corpus rate
 * @param wordsPerSecond measured rate of words encoded alone
 */
public record TeacherBudget(double seconds, double sentencesPerSecond, double wordsPerSecond) {
  private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(s|m|min|h)");

  /** {@code 90s}, {@code 20m}, {@code 1.5h} → seconds. */
  public static double parseSeconds(String text) {
    Matcher m = TIME.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("--budget is a time such as 90s, 20m or 2h, not '" + text + "'");
    }
    double v = Double.parseDouble(m.group(1));
    double s = switch (m.group(2)) {
      case "s" -> v;
      case "h" -> v * 3600;
      default -> v * 60;
    };
    if (s <= 0) {
      throw new IllegalArgumentException("--budget must be positive, not '" + text + "'");
    }
    return s;
  }

  /**
   * Times the teacher (after a short untimed warm-up) on {@code sentences} and on {@code words} alone, up to
   * {@code maxLayer}.
   */
  public static TeacherBudget calibrate(double budgetSeconds, Teacher teacher, ExtractionOptions e,
      List<Sentence> sentences, List<String> words) {
    if (sentences.size() < 2 || words.size() < 2) {
      throw new IllegalArgumentException("calibration needs at least 2 sentences and 2 words");
    }
    int warm = Math.max(1, sentences.size() / 8);
    time(teacher, e, sentences.subList(0, warm));
    double s = time(teacher, e, sentences.subList(warm, sentences.size()));
    List<Sentence> alone = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      alone.add(new Sentence(i, List.of(words.get(i))));
    }
    double w = time(teacher, e, alone);
    return new TeacherBudget(budgetSeconds, (sentences.size() - warm) / s, words.size() / w);
  }

  private static double time(Teacher teacher, ExtractionOptions e, List<Sentence> batch) {
    long t0 = System.nanoTime();
    new ContextExtractor(teacher, e).run(batch.iterator(), (s, states) -> { }, Progress.silent("calibrate"));
    return Math.max(1e-6, (System.nanoTime() - t0) / 1e9);
  }

  /**
   * What the budget buys.
   *
   * @param sentences corpus sentences the teacher reads
   * @param wordsAlone words encoded alone (the shipped vocabulary)
   * @param estimatedSeconds teacher time of both
   * @param fits whether every word fits in the budget; if not, {@code sentences} is the minimum asked
   */
  public record Plan(long sentences, long wordsAlone, double estimatedSeconds, boolean fits) {
    /** One line for the log. */
    public String describe(TeacherBudget b) {
      return String.format(Locale.ROOT, "plan for a %s teacher budget: %,d words encoded alone (%.0f words/s → %s),"
          + " then %,d corpus sentences (%.1f sentences/s → %s); estimated %s%s", clock(b.seconds()), wordsAlone,
          b.wordsPerSecond(), clock(wordsAlone / b.wordsPerSecond()), sentences, b.sentencesPerSecond(),
          clock(sentences / b.sentencesPerSecond()), clock(estimatedSeconds), fits ? "" : " — over budget");
    }
  }

  /**
   * The plan: every shipped word encoded alone first, then as many sentences as the rest buys, at least
   * {@code minSentences} and at most {@code corpusSentences}.
   *
   * @param wordsFor shipped words (list ∪ corpus words) when the teacher reads this many sentences
   */
  public Plan plan(LongUnaryOperator wordsFor, long minSentences, long corpusSentences) {
    long n = Math.min(corpusSentences, Math.max(minSentences,
        (long) ((seconds - wordsFor.applyAsLong(minSentences) / wordsPerSecond) * sentencesPerSecond)));
    // one refinement: more sentences bring more corpus words to encode alone
    long words = wordsFor.applyAsLong(n);
    n = Math.min(corpusSentences, Math.max(minSentences, (long) ((seconds - words / wordsPerSecond) * sentencesPerSecond)));
    words = wordsFor.applyAsLong(n);
    double est = words / wordsPerSecond + n / sentencesPerSecond;
    return new Plan(n, words, est, est <= seconds * 1.05);
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
        : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
