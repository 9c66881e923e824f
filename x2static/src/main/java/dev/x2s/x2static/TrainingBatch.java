package dev.x2s.x2static;

/**
 * One optimisation step's worth of work: the teacher context vectors of {@code sentences} sentences and
 * the scored (sentence, row, label) pairs — each kept target with label 1 followed by its negatives with
 * label 0.
 *
 * @param contexts row-major {@code sentences × dim} teacher context vectors
 * @param sentences number of context rows
 * @param dim context width
 * @param pairSentence context row of each pair
 * @param pairRow student row (vocabulary id) of each pair
 * @param pairTarget whether each pair is a target (true) or a negative (false)
 * @param pairs number of valid pairs (arrays may be longer)
 * @param targets number of target pairs
 */
public record TrainingBatch(
    float[] contexts,
    int sentences,
    int dim,
    int[] pairSentence,
    int[] pairRow,
    boolean[] pairTarget,
    int pairs,
    int targets) {}
