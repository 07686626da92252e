package org.arbiter.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.ObjectName;

/**
 * What the JVM itself holds, by Native Memory Tracking's categories (Java heap, classes, threads, compiled code, GC,
 * ...), when the bench's JVM runs with {@code -XX:NativeMemoryTracking=summary}; read in-process through the
 * DiagnosticCommand MBean (what {@code jcmd PID VM.native_memory summary} prints). RSS minus NMT's total is what the
 * JVM does not track: WebKit's and the other native libraries' own allocations, glibc's arenas, mapped files.
 */
final class NativeMemory {
    private static final Pattern CATEGORY = Pattern.compile("-\\s+([A-Za-z][A-Za-z ]*?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
    private static final Pattern TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");

    private NativeMemory() {
    }

    /** Committed MB by category, "Total" first; empty when tracking is off (the usual run). */
    static Map<String, Double> committedMb() {
        Map<String, Double> out = new LinkedHashMap<>();
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "vmNativeMemory", new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
        } catch (Exception | Error e) {
            return out; // no such MBean on this JVM
        }
        Matcher total = TOTAL.matcher(text);
        if (!total.find()) return out; // "Native memory tracking is not enabled"
        out.put("Total", Long.parseLong(total.group(2)) / 1024.0);
        Matcher m = CATEGORY.matcher(text);
        while (m.find()) out.put(m.group(1).strip(), Long.parseLong(m.group(3)) / 1024.0);
        return out;
    }

    /** One line for the report: the categories of at least 2 MB, largest first, and what NMT does not see. */
    static String summary(Map<String, Double> committed, double rssMb) {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "JVM-tracked %.0f MB (", committed.get("Total")));
        committed.entrySet().stream().filter(e -> !e.getKey().equals("Total") && e.getValue() >= 2)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> b.append(String.format(java.util.Locale.ROOT, "%s %.0f, ", e.getKey(), e.getValue())));
        if (b.charAt(b.length() - 2) == ',') b.setLength(b.length() - 2);
        b.append(String.format(java.util.Locale.ROOT, "); not tracked by the JVM (WebKit, other native libraries, malloc arenas, mapped files) %.0f MB",
                rssMb - committed.get("Total")));
        return b.toString();
    }
}
