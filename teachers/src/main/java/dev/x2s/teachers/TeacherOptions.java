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
 */
public record TeacherOptions(int threads, PiecePooling pooling, boolean elmoStateful, boolean gpt2Bos) {
  public TeacherOptions {
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0, not " + threads);
    }
    if (pooling == null) {
      throw new IllegalArgumentException("pooling must be given");
    }
  }

  /** Engine-default threads, mean pooling, stateless ELMo, no GPT-2 BOS. */
  public static TeacherOptions defaults() {
    return new TeacherOptions(0, PiecePooling.MEAN, false, false);
  }

  public TeacherOptions withThreads(int n) {
    return new TeacherOptions(n, pooling, elmoStateful, gpt2Bos);
  }

  public TeacherOptions withPooling(PiecePooling p) {
    return new TeacherOptions(threads, p, elmoStateful, gpt2Bos);
  }

  public TeacherOptions withElmoStateful(boolean stateful) {
    return new TeacherOptions(threads, pooling, stateful, gpt2Bos);
  }

  public TeacherOptions withGpt2Bos(boolean bos) {
    return new TeacherOptions(threads, pooling, elmoStateful, bos);
  }
}
