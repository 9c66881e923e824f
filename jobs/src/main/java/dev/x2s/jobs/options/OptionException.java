package dev.x2s.jobs.options;

/**
 * A bad option: unknown name, a value of the wrong form, a required option missing. The message names
 * where the value came from ({@code --lr}, {@code configs/x.yaml: option 'lr'}) and what is wrong.
 */
public final class OptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public OptionException(String message) {
    super(message);
  }

  public OptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
