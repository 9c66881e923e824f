package dev.x2s.data;

import java.util.List;

/**
 * A dataset entry of the manifest: one benchmark (or corpus) with its files, licence and citation.
 *
 * @param id short id used on the command line (e.g. {@code simlex999}, {@code semeval2012-task2})
 * @param task what the dataset is for
 * @param directory true when the entry is a directory of files ({@code root} is that directory)
 * @param root path of the entry's file or directory, relative to the shared data directory
 * @param licence SPDX-like licence id of the data, or {@code unknown} when none was found
 * @param citation the paper to cite
 * @param note where the copy comes from and anything else worth knowing
 * @param files the files, in manifest order (one for a file entry)
 */
public record DatasetEntry(
    String id,
    Task task,
    boolean directory,
    String root,
    String licence,
    String citation,
    String note,
    List<DatasetFile> files) {

  public DatasetEntry {
    files = List.copyOf(files);
  }
}
