package dev.x2s.vectors;

/** The vectors read from a file and the report of the read. */
public record LoadResult(WordVectors vectors, LoadReport report) {}
