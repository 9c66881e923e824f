package dev.x2s.teachers.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU's instruction-set flags (Linux {@code /proc/cpuinfo}), read once, to choose a reduced-precision
 * path at run time: bf16 products need {@code avx512_bf16} or {@code amx_bf16}; int8 products are fast
 * with VNNI ({@code avx512_vnni}, {@code avx_vnni}) and correct without it. Where the file cannot be read
 * (another OS) no flag is reported and callers fall back to fp32.
 */
public record CpuFeatures(Set<String> flags) {
  private static final Path CPUINFO = Path.of("/proc/cpuinfo");

  private static final class Holder {
    static final CpuFeatures THIS = read(CPUINFO);
  }

  /** This machine's flags. */
  public static CpuFeatures current() {
    return Holder.THIS;
  }

  /** The flags of the first {@code flags} line of a cpuinfo file (none if absent or unreadable). */
  public static CpuFeatures read(Path cpuinfo) {
    try {
      for (String line : Files.readAllLines(cpuinfo)) {
        if (line.startsWith("flags")) {
          int colon = line.indexOf(':');
          return new CpuFeatures(new TreeSet<>(Arrays.asList(line.substring(colon + 1).trim().split("\\s+"))));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux or not readable: report nothing
    }
    return new CpuFeatures(new TreeSet<>());
  }

  /** bf16 dot products in hardware. */
  public boolean bf16() {
    return flags.contains("avx512_bf16") || flags.contains("amx_bf16");
  }

  /** int8 dot products with VNNI. */
  public boolean vnni() {
    return flags.contains("avx512_vnni") || flags.contains("avx_vnni") || flags.contains("amx_int8");
  }

  /** The flags that matter here, for reports: e.g. {@code avx2 avx512f avx512_vnni avx512_bf16}. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    for (String f : new String[] {"avx2", "avx512f", "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_bf16",
        "amx_int8"}) {
      if (flags.contains(f)) {
        sb.append(sb.length() == 0 ? "" : " ").append(f);
      }
    }
    return sb.length() == 0 ? "(none of avx2/avx512/vnni/bf16)" : sb.toString();
  }
}
