package dev.x2s.layerpc.occurrence;

import dev.x2s.vectors.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The state of the teacher pass after a whole number of chunks: generation (names the sums snapshot),
 * chunks done, sentences and occurrences done (for progress), and each word's filled slots. Written
 * atomically with a CRC32C.
 *
 * @param complete every chunk done (the store only needs finishing)
 */
public record Checkpoint(long generation, long chunksDone, long sentencesDone, long wordsDone, int[] filled,
    boolean complete) {
  private static final int MAGIC = 0x58324350; // "X2CP"

  public void write(Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeLong(generation);
      out.writeLong(chunksDone);
      out.writeLong(sentencesDone);
      out.writeLong(wordsDone);
      out.writeBoolean(complete);
      out.writeInt(filled.length);
      for (int f : filled) {
        out.writeInt(f);
      }
    }
    byte[] b = bytes.toByteArray();
    CRC32C crc = new CRC32C();
    crc.update(b);
    AtomicFiles.write(file, o -> {
      o.write(b);
      new DataOutputStream(o).writeInt((int) crc.getValue());
    });
  }

  public static Checkpoint read(Path file, int words) throws IOException {
    byte[] all = Files.readAllBytes(file);
    CRC32C crc = new CRC32C();
    crc.update(all, 0, Math.max(0, all.length - 4));
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all))) {
      if (all.length < 8 || in.readInt() != MAGIC) {
        throw new IOException(file + ": not a checkpoint");
      }
      DataInputStream tail = new DataInputStream(new ByteArrayInputStream(all, all.length - 4, 4));
      if (tail.readInt() != (int) crc.getValue()) {
        throw new IOException(file + ": checkpoint checksum mismatch");
      }
      long gen = in.readLong();
      long chunks = in.readLong();
      long sentences = in.readLong();
      long wordsDone = in.readLong();
      boolean complete = in.readBoolean();
      int n = in.readInt();
      if (n != words) {
        throw new IOException(file + ": checkpoint for " + n + " words, plan has " + words);
      }
      int[] filled = new int[n];
      for (int i = 0; i < n; i++) {
        filled[i] = in.readInt();
      }
      return new Checkpoint(gen, chunks, sentences, wordsDone, filled, complete);
    }
  }
}
