package org.arbiter.render.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeDiffTest {

    @Test
    void humanEvalBuggyVariantShowsExactlyTheChangedLineAndWord() throws Exception {
        CodeCorpus.Pair p = CodeCorpus.load().byId("Python/49");
        CodeDiff diff = CodeDiff.of(p.a(), p.b());
        List<CodeDiff.Row> changed = diff.rows().stream().filter(r -> r.kind() != CodeDiff.Kind.EQUAL).toList();
        assertThat(changed).hasSize(1);
        CodeDiff.Row row = changed.get(0);
        assertThat(row.kind()).isEqualTo(CodeDiff.Kind.CHANGED);
        assertThat(row.leftNumber()).isEqualTo(14);
        assertThat(row.rightNumber()).isEqualTo(14);
        assertThat(row.leftHtml()).isEqualTo("    ret = <span class=\"d-del\">1</span>");
        assertThat(row.rightHtml()).isEqualTo("    ret = <span class=\"d-ins\">0</span>");
        assertThat(diff.stats()).isEqualTo(new CodeDiff.Stats(0, 0, 1));
        assertThat(diff.rows()).hasSize(17);
        String html = diff.toHtml("left", "right");
        assertThat(html).contains("<td class=\"d-num\">14</td>").contains("<tr class=\"d-changed\">");
    }

    @Test
    void insertedAndDeletedLinesKeepBothSidesNumbered() {
        String a = "a = 1\nb = 2\nc = 3\n";
        String b = "a = 1\nc = 3\nd = 4\ne = 5\n";
        CodeDiff diff = CodeDiff.of(a, b);
        assertThat(diff.rows()).extracting(CodeDiff.Row::kind).containsExactly(CodeDiff.Kind.EQUAL,
                CodeDiff.Kind.DELETED, CodeDiff.Kind.EQUAL, CodeDiff.Kind.INSERTED, CodeDiff.Kind.INSERTED);
        assertThat(diff.rows()).extracting(CodeDiff.Row::leftNumber).containsExactly(1, 2, 3, 0, 0);
        assertThat(diff.rows()).extracting(CodeDiff.Row::rightNumber).containsExactly(1, 0, 2, 3, 4);
        assertThat(diff.stats()).isEqualTo(new CodeDiff.Stats(2, 1, 0));
        assertThat(CodeDiff.of(a, a).stats().identical()).isTrue();
    }

    @Test
    void markupInCodeNeverReachesThePageUnescaped() {
        String a = "s = \"<script>alert(1)</script>\" & x\n";
        String b = "s = \"<script>alert(2)</script>\" & y\n<b>new</b>\n";
        String plain = CodeDiff.of(a, b).toHtml("left", "right");
        assertThat(plain).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("& ")
                .contains("&lt;script&gt;alert(<span class=\"d-del\">1</span>)")
                .contains("&lt;script&gt;alert(<span class=\"d-ins\">2</span>)")
                .contains("&amp; <span class=\"d-ins\">y</span>");
        CodeDiff diff = CodeDiff.of(a, b, "python", new TokenHighlighter());
        String html = diff.toHtml("left", "right");
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("& ")
                .contains("&lt;script&gt;alert(</span><span class=\"d-del\"><span class=\"t-str\">1</span></span>")
                .contains("<span class=\"d-ins\"><span class=\"t-str\">2</span></span>")
                .contains("<span class=\"t-op\">&amp;</span> <span class=\"d-ins\">y</span>");
        assertThat(diff.rows().get(1).rightHtml().replaceAll("</?span[^>]*>", ""))
                .isEqualTo("&lt;b&gt;new&lt;/b&gt;");
    }

    @Test
    void unchangedLinesKeepTheirSyntaxColoursWhenAHighlighterIsGiven() throws Exception {
        CodeCorpus.Pair p = CodeCorpus.load().byId("Python/49");
        CodeDiff diff = CodeDiff.of(p.a(), p.b(), "Python", new TokenHighlighter());
        assertThat(diff.rows().get(0).leftHtml()).contains("<span class=\"t-kw\">def</span>");
        assertThat(diff.stats().changed()).isEqualTo(1);
        CodeDiff.Row changed = diff.rows().get(13);
        assertThat(changed.leftHtml())
                .isEqualTo("    ret <span class=\"t-op\">=</span> <span class=\"d-del\"><span class=\"t-num\">1</span></span>");
        assertThat(changed.rightHtml())
                .isEqualTo("    ret <span class=\"t-op\">=</span> <span class=\"d-ins\"><span class=\"t-num\">0</span></span>");
    }

    @Test
    void realPairsOfEveryLanguageDiffWithConsistentLineNumbers() throws Exception {
        for (CodeCorpus.Pair p : CodeCorpus.load().pairs()) {
            CodeDiff diff = CodeDiff.of(p.a(), p.b(), p.language(), new TokenHighlighter());
            long leftRows = diff.rows().stream().filter(r -> r.leftNumber() > 0).count();
            long rightRows = diff.rows().stream().filter(r -> r.rightNumber() > 0).count();
            assertThat(leftRows).as(p.id()).isEqualTo(SourceLines.split(p.a()).size());
            assertThat(rightRows).as(p.id()).isEqualTo(SourceLines.split(p.b()).size());
        }
    }
}
