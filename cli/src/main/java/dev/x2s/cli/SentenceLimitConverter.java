package dev.x2s.cli;

import dev.x2s.jobs.options.SentenceLimit;
import picocli.CommandLine;

/** {@code --max-sentences} of the commands without declared options: {@code all}, {@code 0} (all) or N. */
final class SentenceLimitConverter implements CommandLine.ITypeConverter<SentenceLimit> {
  @Override
  public SentenceLimit convert(String value) {
    try {
      return SentenceLimit.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
