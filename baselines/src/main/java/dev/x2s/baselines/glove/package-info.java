/**
 * GloVe (Pennington, Socher and Manning 2014) trained from scratch, in Java, after the reference C tools
 * of {@code stanfordnlp/GloVe} ({@code vocab_count}, {@code cooccur}, {@code shuffle}, {@code glove}):
 * DL4J dropped its GloVe implementation and Debian has no GloVe package. Entry point:
 * {@link dev.x2s.baselines.glove.GloveBaseline#train}; settings in
 * {@link dev.x2s.baselines.glove.GloveOptions}. Where this differs from the C tools, and why, is
 * listed in {@code docs/BASELINES.md}.
 */
package dev.x2s.baselines.glove;
