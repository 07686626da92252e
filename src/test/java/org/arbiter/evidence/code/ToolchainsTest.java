package org.arbiter.evidence.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which toolchain the sandbox gets from the PATH. */
class ToolchainsTest {
    @TempDir
    Path dir;

    @Test
    void aShimInTheHomeDirectoryIsPassedOverForTheSystemsTool() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path shim = Files.createDirectories(home.resolve(".pyenv/shims")).resolve("python3");
        Files.writeString(shim, "#!/bin/sh\nexec python3 \"$@\"\n");
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        Toolchains tools = new Toolchains(shim.getParent() + ":/usr/bin:/bin", home);
        assertThat(tools.find("python3")).hasValueSatisfying(p -> assertThat(p.toString()).startsWith("/usr/"));
        assertThat(tools.forLanguage(CodeLanguage.PYTHON).readOnlyBinds()).isEmpty();

        Toolchains onlyHome = new Toolchains(shim.getParent().toString(), home);
        assertThat(onlyHome.forLanguage(CodeLanguage.PYTHON).missing()).containsExactly("python3");
    }

    @Test
    void aToolOutsideTheSystemDirectoriesIsBoundReadOnlyWithItsInstallation() throws Exception {
        Path sdk = Files.createDirectories(dir.resolve("opt/node-20/bin"));
        Path node = sdk.resolve("node");
        Files.writeString(node, "#!/bin/sh\n");
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwxr-xr-x"));
        Toolchains.Found found = new Toolchains(sdk.toString(), dir.resolve("home")).forLanguage(CodeLanguage.JAVASCRIPT);
        assertThat(found.complete()).isTrue();
        assertThat(found.readOnlyBinds()).containsExactly(dir.resolve("opt/node-20").toRealPath());
    }
}
