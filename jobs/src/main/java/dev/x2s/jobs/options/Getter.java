package dev.x2s.jobs.options;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A record accessor passed as a method reference ({@code DistillConfig::epochs}) to name an option in
 * code, type-checked: {@code config.with(DistillConfig::epochs, 3)}. Serializable so that
 * {@link OptionSet} can read which accessor it is.
 */
@FunctionalInterface
public interface Getter<R, V> extends Function<R, V>, Serializable {}
