package dev.x2s.jobs.options;

/**
 * Implemented by an options record whose components carry {@link Option}: copy-and-modify by accessor,
 * e.g. {@code config.with(DistillConfig::epochs, 3)} or
 * {@code config.toBuilder().set(DistillConfig::epochs, 3).set(DistillConfig::seed, 7L).build()}.
 *
 * @param <R> the record itself
 */
public interface OptionRecord<R extends Record & OptionRecord<R>> {
  /** A copy with one option changed (validated by the record's constructor). */
  @SuppressWarnings("unchecked")
  default <V> R with(Getter<R, V> option, V value) {
    return toBuilder().set(option, value).build();
  }

  /** A builder starting from this record's values. */
  @SuppressWarnings("unchecked")
  default OptionSet.Builder<R> toBuilder() {
    R self = (R) this;
    return OptionSet.of((Class<R>) self.getClass()).builder(self);
  }
}
