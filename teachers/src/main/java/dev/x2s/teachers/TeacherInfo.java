package dev.x2s.teachers;

/**
 * Static facts about a teacher.
 *
 * @param id the teacher id as given in configs (e.g. {@code bert-base-uncased}) or a local path
 * @param family {@code bert}, {@code gpt2} or {@code elmo}
 * @param numLayers number of hidden states returned, input layer included (13 for BERT-base)
 * @param dim width of every hidden state
 * @param maxPieces the model's window in pieces (special tokens included); 0 when unbounded
 * @param source where the weights came from (file, jar coordinates) for provenance
 */
public record TeacherInfo(String id, String family, int numLayers, int dim, int maxPieces, String source) {}
