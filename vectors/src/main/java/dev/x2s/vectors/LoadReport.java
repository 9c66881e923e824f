package dev.x2s.vectors;

import java.nio.file.Path;

/**
 * What a read did.
 *
 * @param file the file read
 * @param format its format (detected or given)
 * @param declaredRows the row count of the header, or -1 when the format has none (GloVe)
 * @param rowsRead rows parsed from the file (stops early when the limit is reached)
 * @param kept words kept (rows of the result)
 * @param skipped rows the filter rejected
 * @param duplicates rows dropped because their (lower-cased) word appeared before
 * @param bytes bytes of the file consumed
 * @param dtype storage type (x2v) or FP32 for the other formats
 */
public record LoadReport(
    Path file,
    VectorFormat format,
    long declaredRows,
    long rowsRead,
    int kept,
    long skipped,
    long duplicates,
    long bytes,
    Dtype dtype) {}
