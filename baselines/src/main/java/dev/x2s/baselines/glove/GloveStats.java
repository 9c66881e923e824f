package dev.x2s.baselines.glove;

import java.util.List;

/**
 * What a GloVe run saw and did.
 *
 * @param sentences sentences read (in the co-occurrence pass)
 * @param tokens words read
 * @param vocabSize words kept (seen at least min count times)
 * @param vocabTokens tokens of kept words
 * @param pairs distinct non-zero (word, context) pairs = training records
 * @param tableSlots slots of the co-occurrence hash table (memory bound: 22 B per slot)
 * @param spills run files written when the table was full (0: everything fitted in memory)
 * @param spilledPairs pairs written to run files (a pair may be in several runs)
 * @param costs mean weighted squared error per record in each iteration, as glove.c prints it
 * @param skippedSteps records skipped because their error was not finite (over all iterations)
 * @param vocabSeconds wall time of the vocabulary pass
 * @param cooccurSeconds wall time of counting, merging and shuffling co-occurrences
 * @param trainSeconds wall time of the AdaGrad iterations
 */
public record GloveStats(
    long sentences,
    long tokens,
    int vocabSize,
    long vocabTokens,
    long pairs,
    int tableSlots,
    int spills,
    long spilledPairs,
    List<Double> costs,
    long skippedSteps,
    double vocabSeconds,
    double cooccurSeconds,
    double trainSeconds) {}
