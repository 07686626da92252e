package org.arbiter.evidence.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.arbiter.evidence.ShownEvidenceOf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The toolchain version recorded with code evidence, read from the tools' own banners. */
class ToolchainVersionsTest {
    @TempDir
    Path dir;

    @Test
    void bannersOfDebianToolchainsGiveTheirVersion() {
        assertThat(ToolchainVersions.parse("python3", "Python 3.11.2\n")).isEqualTo("python3 3.11.2");
        assertThat(ToolchainVersions.parse("node", "v20.19.2\n")).isEqualTo("node 20.19.2");
        assertThat(ToolchainVersions.parse("javac", "javac 17.0.16\n")).isEqualTo("javac 17.0.16");
        assertThat(ToolchainVersions.parse("g++", "g++ (Debian 12.2.0-14+deb12u1) 12.2.0\nCopyright (C) 2022")).isEqualTo("g++ 12.2.0");
        assertThat(ToolchainVersions.parse("go", "go version go1.19.8 linux/amd64\n")).isEqualTo("go 1.19.8");
        assertThat(ToolchainVersions.parse("rustc", "rustc 1.63.0\n")).isEqualTo("rustc 1.63.0");
        assertThat(ToolchainVersions.parse("python3", "command not found")).isEmpty();
    }

    @Test
    void theInstalledPythonNamesItsVersionAndAMissingToolNothing() throws Exception {
        ToolchainVersions versions = new ToolchainVersions(new Toolchains(CodeCorpusVerdictsTest.DEBIAN_PATH));
        String python = versions.of(CodeLanguage.PYTHON);
        assertThat(python).matches("python3 3\\.\\d+\\.\\d+");
        assertThat(ShownEvidenceOf.results(java.util.List.of(), python)).isEmpty();

        ToolchainVersions none = new ToolchainVersions(new Toolchains(dir.toString(), dir.resolve("home")));
        assertThat(none.of(CodeLanguage.RUST)).isEmpty();
    }
}
