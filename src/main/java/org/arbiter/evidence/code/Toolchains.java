package org.arbiter.evidence.code;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the toolchains on a PATH. A tool outside the system directories (an SDK in /opt) is made visible in
 * the sandbox read-only, only its own installation. Tools in the home directory (pyenv shims, rustup proxies)
 * are passed over for the next one on the PATH: exposing them would expose the home (rustup's ~/.cargo also
 * holds registry credentials), and the shims need the home to work anyway.
 */
public final class Toolchains {
    private static final List<String> SYSTEM = List.of("/usr/", "/bin/", "/sbin/", "/lib/", "/lib64/");

    private final List<Path> path;
    private final Path home;

    /** @param pathVariable the PATH to search, e.g. {@code System.getenv("PATH")} */
    public Toolchains(String pathVariable) {
        this(pathVariable, Path.of(System.getProperty("user.home", "/")));
    }

    public Toolchains(String pathVariable, Path home) {
        this.home = home.toAbsolutePath().normalize();
        List<Path> dirs = new ArrayList<>();
        if (pathVariable != null) {
            for (String d : pathVariable.split(File.pathSeparator)) if (!d.isBlank()) dirs.add(Path.of(d));
        }
        this.path = List.copyOf(dirs);
    }

    /** An executable on the PATH, with symlinks resolved. */
    public Optional<Path> find(String name) {
        for (Path dir : path) {
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) continue;
            Path real;
            try {
                real = p.toRealPath();
            } catch (IOException e) {
                real = p.toAbsolutePath();
            }
            if (home.getNameCount() > 0 && (real.startsWith(home) || p.toAbsolutePath().startsWith(home))) continue;
            return Optional.of(real);
        }
        return Optional.empty();
    }

    /** The language's tools by name, or the names that are missing. */
    public Found forLanguage(CodeLanguage language) {
        Map<String, String> tools = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<Path> binds = new ArrayList<>();
        for (String name : language.tools()) {
            Optional<Path> p = find(name);
            if (p.isEmpty()) {
                missing.add(name);
                continue;
            }
            Path real = p.get();
            tools.put(name, real.toString());
            if (SYSTEM.stream().noneMatch(s -> real.toString().startsWith(s))) {
                Path prefix = real.getParent() != null && real.getParent().getParent() != null
                        ? real.getParent().getParent() : real.getParent();
                if (!binds.contains(prefix)) binds.add(prefix);
            }
        }
        return new Found(tools, missing, binds);
    }

    /** What the PATH has for one language; {@code readOnlyBinds} are installations outside the system directories. */
    public record Found(Map<String, String> tools, List<String> missing, List<Path> readOnlyBinds) {
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    /** The Debian package that provides a tool, for a {@code not_run} reason's fix. */
    static String debianPackage(String tool) {
        return switch (tool) {
            case "python3" -> "python3";
            case "node" -> "nodejs";
            case "javac", "java" -> "default-jdk";
            case "g++" -> "g++";
            case "go" -> "golang-go golang-github-stretchr-testify-dev";
            case "rustc" -> "rustc";
            default -> tool;
        };
    }
}
