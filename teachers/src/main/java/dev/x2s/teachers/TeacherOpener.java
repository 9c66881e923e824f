package dev.x2s.teachers;

import java.io.Serializable;

/**
 * Opens a teacher by id or path. Serializable, so a cluster job can ship it to its executors, which open
 * the teacher there (from a path they can all read) instead of receiving a loaded model.
 */
@FunctionalInterface
public interface TeacherOpener extends Serializable {
  Teacher open(String idOrPath);
}
