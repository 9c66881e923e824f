package dev.x2s.jobs.options;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one option of a job, on a component of the job's options record. This one declaration is the
 * whole option: the command-line flag ({@code --NAME}), the YAML key ({@code NAME}, {@code -} or
 * {@code _} between words), the provenance field ({@code NAME} in snake_case), the fingerprints it enters
 * and its documentation all follow from it ({@link OptionSet}).
 *
 * <p>Values are written the same way on the command line, in YAML and here in {@link #defaultValue()}:
 * see {@link ValueType} for each type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Option {
  /** Marks "no default" in {@link #defaultValue()}. */
  String NO_DEFAULT = "\u0000none";

  /** What the option does, for {@code --help} and readers of the record. */
  String description();

  /** The option's name in kebab-case; empty = the component's name ({@code maxSentences} → {@code max-sentences}). */
  String name() default "";

  /** Other names accepted as flags and YAML keys (e.g. an older spelling). */
  String[] aliases() default {};

  /** The default, written as on the command line; none = null (a reference type) or {@link #required()}. */
  String defaultValue() default NO_DEFAULT;

  /** Must be given (on the command line or in the config file). */
  boolean required() default false;

  /** The fingerprints (named by the record, e.g. {@code "contexts"}) whose value this option enters. */
  String[] fingerprint() default {};

  /** Whether the value is written into the provenance file. */
  boolean provenance() default true;

  /** The value's placeholder in {@code --help} ({@code N}, {@code FILE}); empty = {@code <name>}. */
  String paramLabel() default "";
}
