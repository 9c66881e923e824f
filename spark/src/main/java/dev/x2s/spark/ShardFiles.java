package dev.x2s.spark;

import dev.x2s.jobs.chunks.ChunkJob;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * One shard file per chunk: {@code chunk-00000012.shard} in the stage's shard directory, holding a header
 * (magic, stage, chunk index and start), the job's payload and a CRC-32 of it.
 *
 * <p>A task attempt writes its shard under {@code _attempts/} with a name of its own, forces it to disk and
 * renames it into place atomically; a failed attempt leaves at most a file in {@code _attempts/}, which the
 * driver deletes once the stage has succeeded. A retried or speculative attempt that finishes second
 * replaces the shard with identical bytes (chunks are deterministic). So a visible shard is always whole,
 * and a chunk has at most one.
 */
final class ShardFiles {
  static final String ATTEMPTS = "_attempts";
  private static final long MAGIC = 0x5832535348415244L; // "X2SSHARD"
  private static final int VERSION = 1;

  private ShardFiles() {}

  static Path shard(Path dir, long index) {
    return dir.resolve(String.format(Locale.ROOT, "chunk-%08d.shard", index));
  }

  /**
   * Writes the shard of chunk {@code index} atomically.
   *
   * @param attempt a name unique to this task attempt
   * @param failHalfway test hook: write half of the file under {@code _attempts/}, then fail
   */
  static <C extends Serializable, R> void write(Path dir, long index, long start, String stage, ChunkJob<C, R> job,
      R result, String attempt, boolean failHalfway) throws IOException {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(payload)) {
      job.write(result, out);
    }
    byte[] bytes = payload.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(bytes);
    Path tmpDir = dir.resolve(ATTEMPTS);
    Files.createDirectories(tmpDir);
    Path tmp = tmpDir.resolve(shard(dir, index).getFileName() + "." + attempt);
    try (OutputStream os = Files.newOutputStream(tmp);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
      out.writeLong(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(stage);
      out.writeLong(index);
      out.writeLong(start);
      out.writeLong(bytes.length);
      if (failHalfway) {
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        throw new IOException("test hook: task attempt " + attempt + " fails halfway through shard " + index);
      }
      out.write(bytes);
      out.writeLong(crc.getValue());
    }
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, shard(dir, index), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The result in chunk {@code index}'s shard, or null when it is missing or not this chunk's (stale, damaged). */
  static <C extends Serializable, R> R read(Path dir, long index, long start, String stage, ChunkJob<C, R> job)
      throws IOException {
    Path f = shard(dir, index);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
      if (in.readLong() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(stage) || in.readLong() != index
          || in.readLong() != start) {
        return null;
      }
      long n = in.readLong();
      if (n < 0 || n > Integer.MAX_VALUE - 8) {
        return null;
      }
      byte[] bytes = in.readNBytes((int) n);
      CRC32 crc = new CRC32();
      crc.update(bytes);
      if (bytes.length != n || in.readLong() != crc.getValue()) {
        return null;
      }
      return job.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    } catch (java.io.EOFException e) {
      return null;
    }
  }

  /** Whether a shard for this chunk is in place and whole (header and checksum, without decoding it). */
  static boolean valid(Path dir, long index, long start, String stage) {
    Path f = shard(dir, index);
    if (!Files.isRegularFile(f)) {
      return false;
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
      if (in.readLong() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(stage) || in.readLong() != index
          || in.readLong() != start) {
        return false;
      }
      long n = in.readLong();
      CRC32 crc = new CRC32();
      byte[] buf = new byte[1 << 16];
      long left = n;
      while (left > 0) {
        int r = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (r < 0) {
          return false;
        }
        crc.update(buf, 0, r);
        left -= r;
      }
      return in.readLong() == crc.getValue();
    } catch (IOException e) {
      return false;
    }
  }
}
