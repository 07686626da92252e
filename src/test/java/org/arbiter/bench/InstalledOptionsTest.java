package org.arbiter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The bench's "as installed" cold start, and its advice on how to run the bench itself, are only worth their names
 * while they start the JVM as the package does: the options in ColdStarts, bin/arbiter-cli (the PATH command and the
 * menu entry) and jpackage's image.cfg agree.
 */
class InstalledOptionsTest {
    private static final Path LINUX = Path.of("installer/jpackage/resources/linux");

    @Test
    void theBenchStartsTheWindowAsTheInstalledCommandDoes() throws Exception {
        String script = Files.readString(LINUX.resolve("arbiter-cli.sh"));
        Matcher window = Pattern.compile("if \\$window .*?\\n\\s+jvm=\"([^\"]+)\"", Pattern.DOTALL).matcher(script);
        assertThat(window.find()).as("the window's options in arbiter-cli.sh").isTrue();
        List<String> options = new ArrayList<>(Arrays.asList(window.group(1).split("\\s+")));
        String start = script.substring(script.lastIndexOf("exec \"$lib/runtime/bin/java\""));
        options.addAll(0, jvmOptions(start));
        assertThat(options).containsExactlyInAnyOrderElementsOf(ColdStarts.INSTALLED_OPTIONS);
        String making = script.substring(script.indexOf("exec \"$lib/runtime/bin/java\""), script.lastIndexOf("exec \"$lib/runtime/bin/java\""));
        assertThat(making).as("the archive is made with the window's options").contains("$jvm");
        List<String> makingOptions = new ArrayList<>(jvmOptions(making));
        makingOptions.removeIf(o -> o.startsWith("-XX:ArchiveClassesAtExit") || o.startsWith("-Duser.home"));
        assertThat(makingOptions).containsExactlyInAnyOrderElementsOf(jvmOptions(start));
        assertThat(script).contains("export MALLOC_ARENA_MAX=\"${MALLOC_ARENA_MAX:-" + ColdStarts.MALLOC_ARENAS + "}\"");
    }

    @Test
    void theSyncBenchmarkRunsAsTheInstalledCommandsDo() throws Exception {
        String script = Files.readString(LINUX.resolve("arbiter-cli.sh"));
        Matcher commands = Pattern.compile("\\nelse\\n\\s+jvm=\"([^\"]+)\"").matcher(script);
        assertThat(commands.find()).as("the other commands' options in arbiter-cli.sh").isTrue();
        assertThat(Arrays.asList(commands.group(1).split("\\s+"))).containsExactlyElementsOf(SyncBenchmark.COMMAND_OPTIONS);
    }

    @Test
    void jpackagesLauncherRunsWithTheWindowsOptions() throws Exception {
        List<String> cfg = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^--java-options\\s+(\\S+)").matcher(Files.readString(Path.of("installer/jpackage/image.cfg")));
        while (m.find()) cfg.add(m.group(1));
        cfg.remove("-Dfile.encoding=UTF-8");
        assertThat(cfg).containsExactlyInAnyOrderElementsOf(ColdStarts.WINDOW_OPTIONS);
    }

    @Test
    void theMenuEntryStartsTheCommandThatUsesTheArchive() throws Exception {
        assertThat(Files.readString(LINUX.resolve("arbiter.desktop"))).containsPattern("(?m)^Exec=APPLICATION_LAUNCHER-cli app %F$");
        assertThat(Files.readString(LINUX.resolve("postinst"))).contains("arbiter-cli --make-startup-archive");
        assertThat(Files.readString(LINUX.resolve("arbiter.spec"))).contains("arbiter-cli --make-startup-archive");
        assertThat(Files.readString(LINUX.resolve("prerm"))).contains("rm -f /opt/arbiter/lib/arbiter.jsa");
    }

    /** The -X and -D options written out in one java command (shell line continuations joined). */
    private static List<String> jvmOptions(String command) {
        String firstCommand = command.replace("\\\n", " ").lines().findFirst().orElse("");
        return Arrays.stream(firstCommand.split("\\s+"))
                .filter(t -> t.startsWith("-X") || t.startsWith("-D"))
                .map(t -> t.replace("\"", ""))
                .toList();
    }
}
