package dev.x2s.teachers;

import java.nio.file.Path;

/**
 * What a teacher id or path names, found without loading any weights ({@code Teachers.locate}).
 *
 * @param id the id or path as given
 * @param provider the {@link TeacherProvider#name()} of the provider that opens it (e.g. {@code hf-bert})
 * @param path the model directory; null for known ids (resolved, and fetched if needed, only when opened)
 * @param weights the weights file found in the directory ({@code model.safetensors}, ELMo's {@code .hdf5});
 *     null for known ids
 */
public record TeacherSource(String id, String provider, Path path, Path weights) {}
