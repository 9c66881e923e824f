/**
 * Options declared once. A job's options are a record whose components carry {@link
 * dev.x2s.jobs.options.Option} (name, description, default, fingerprints, provenance); {@link
 * dev.x2s.jobs.options.OptionSet} reads those declarations and gives every surface: the command line
 * (the cli module turns {@link dev.x2s.jobs.options.OptionSet#options()} into picocli options), config
 * files ({@link dev.x2s.jobs.options.OptionSet#resolve}), provenance ({@link
 * dev.x2s.jobs.options.OptionSet#provenance}, written by {@link dev.x2s.jobs.Provenance}) and cache or
 * resume fingerprints ({@link dev.x2s.jobs.options.OptionSet#fingerprint}). Tribuo's {@code @Config} and
 * fastText's {@code Args} are the models.
 *
 * <p>Shared value types: {@link dev.x2s.jobs.options.LayerSpec} (teacher layers, negative = from the top)
 * and {@link dev.x2s.jobs.options.SentenceLimit} (0 or {@code all} = every sentence).
 *
 * <p>No command-line library here: this module stays picocli-free.
 */
package dev.x2s.jobs.options;
