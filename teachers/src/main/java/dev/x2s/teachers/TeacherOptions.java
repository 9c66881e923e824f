package dev.x2s.teachers;

/**
 * Settings for opening a teacher with {@code Teachers.open}; one plain record so that a command can print
 * and record it.
 *
 * @param threads intra-op threads of the PyTorch engine (process-wide); 0 keeps the engine's default
 *     (one per core)
 * @param pooling the pooling a caller should use when it has no preference (teachers take the pooling
 *     per {@link Teacher#encode} call)
 * @param elmoStateful ELMo only: carry LSTM states across calls ({@code ElmoTeacher.StateMode.STATEFUL})
 *     instead of starting every sentence from zero states
 * @param gpt2Bos GPT-2 only: prepend {@code <|endoftext|>} to every window
 * @param precision the arithmetic of the linear layers ({@link Precision}); BERT-family teachers take
 *     all three, the others only fp32 (they refuse the rest)
 */
public record TeacherOptions(int threads, PiecePooling pooling, boolean elmoStateful, boolean gpt2Bos,
    Precision precision) {
  /** fp32. */
  public TeacherOptions(int threads, PiecePooling pooling, boolean elmoStateful, boolean gpt2Bos) {
    this(threads, pooling, elmoStateful, gpt2Bos, Precision.FP32);
  }

  public TeacherOptions {
    if (precision == null) {
      throw new IllegalArgumentException("precision must be given");
    }
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0, not " + threads);
    }
    if (pooling == null) {
      throw new IllegalArgumentException("pooling must be given");
    }
  }

  /** Engine-default threads, mean pooling, stateless ELMo, no GPT-2 BOS, fp32. */
  public static TeacherOptions defaults() {
    return new TeacherOptions(0, PiecePooling.MEAN, false, false, Precision.FP32);
  }

  public TeacherOptions withThreads(int n) {
    return new TeacherOptions(n, pooling, elmoStateful, gpt2Bos, precision);
  }

  public TeacherOptions withPooling(PiecePooling p) {
    return new TeacherOptions(threads, p, elmoStateful, gpt2Bos, precision);
  }

  public TeacherOptions withElmoStateful(boolean stateful) {
    return new TeacherOptions(threads, pooling, stateful, gpt2Bos, precision);
  }

  public TeacherOptions withGpt2Bos(boolean bos) {
    return new TeacherOptions(threads, pooling, elmoStateful, bos, precision);
  }

  public TeacherOptions withPrecision(Precision p) {
    return new TeacherOptions(threads, pooling, elmoStateful, gpt2Bos, p);
  }

  /** For teachers that run only fp32: refuses any other precision, naming the family. */
  public void requireFp32(String family) {
    if (precision != Precision.FP32) {
      throw new IllegalArgumentException(family + " teachers run only in fp32; --precision " + precision.key()
          + " is for BERT-family teachers");
    }
  }
}
