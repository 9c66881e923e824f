package dev.x2s.bench.teacher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Load average and process memory, for reporting next to every number. */
final class Machine {
  private Machine() {}

  /** {@code /proc/loadavg}'s three averages. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "n/a";
    }
  }

  /** A field of {@code /proc/self/status} in KiB ({@code VmRSS}, {@code VmHWM}); -1 if unavailable. */
  static long statusKiB(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  static double processCpuSeconds() {
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime() / 1e9;
  }
}
