package dev.x2s.layerpc.occurrence;

import com.google.gson.JsonObject;

/**
 * The state of the teacher pass after a whole number of chunks: generation (names the sums snapshot),
 * chunks done, sentences and occurrences done (for progress), and each word's filled slots. It is
 * committed together with the occurrence store's rows ({@link OccurrenceStoreWriter#commit}), so after a
 * crash the rows and the chunks they came from always agree.
 *
 * @param filled slots written per word (not stored: a resumed writer counts them from the store's keys)
 * @param complete every chunk done (the store only needs finishing)
 */
public record Checkpoint(long generation, long chunksDone, long sentencesDone, long wordsDone, int[] filled,
    boolean complete) {
  /** Generation of the last checkpoint of a pass, whatever checkpoints came before (a run may resume). */
  public static final long FINAL = Long.MAX_VALUE;

  JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("generation", generation);
    o.addProperty("chunks", chunksDone);
    o.addProperty("sentences", sentencesDone);
    o.addProperty("words", wordsDone);
    o.addProperty("complete", complete);
    return o;
  }

  static Checkpoint fromJson(JsonObject o, int[] filled) {
    return new Checkpoint(o.get("generation").getAsLong(), o.get("chunks").getAsLong(),
        o.get("sentences").getAsLong(), o.get("words").getAsLong(), filled, o.get("complete").getAsBoolean());
  }
}
