package org.arbiter.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TexPreprocessorTest {
    @Test
    void eqnarrayBecomesArray() {
        assertThat(TexPreprocessor.forKatex("\\begin{eqnarray*}a&=&b\\end{eqnarray*}", true))
                .isEqualTo("\\begin{array}{rcl}a&=&b\\end{array}");
    }

    @Test
    void labelsGoAndReferencesAreText() {
        assertThat(TexPreprocessor.forKatex("x=1 \\label{eq:one}", true)).isEqualTo("x=1 ");
        assertThat(TexPreprocessor.forKatex("by \\eqref{eq:one}", false)).isEqualTo("by \\text{(eq:one)}");
        assertThat(TexPreprocessor.forKatex("\\mbox{if } x", false)).isEqualTo("\\text{if } x");
    }

    @Test
    void alignInsideInlineMathBecomesAligned() {
        assertThat(TexPreprocessor.forKatex("\\begin{align*}a&=b\\end{align*}", false))
                .isEqualTo("\\begin{aligned}a&=b\\end{aligned}");
        assertThat(TexPreprocessor.forKatex("\\begin{align*}a&=b\\end{align*}", true))
                .isEqualTo("\\begin{align*}a&=b\\end{align*}");
    }

    @Test
    void arrayFeaturesKatexLacks() {
        assertThat(TexPreprocessor.forKatex("\\begin{array}{@{}c@{\\;}c} a & b \\\\ \\cline{1-2} \\end{array}", true))
                .isEqualTo("\\begin{array}{cc} a & b \\\\  \\end{array}");
        assertThat(TexPreprocessor.forKatex("\\begin{array}{ccc}\\multicolumn{2}{r}{7} & 1\\end{array}", true))
                .isEqualTo("\\begin{array}{ccc}&{7} & 1\\end{array}");
        assertThat(TexPreprocessor.forKatex("\\begin{array}{*{3}{c}|p{2cm}}\\end{array}", true))
                .isEqualTo("\\begin{array}{ccc|l}\\end{array}");
    }

    @Test
    void proofIsProse() {
        assertThat(TexPreprocessor.proofAsProse("\\begin{proof}Trivial.\\end{proof}")).isEqualTo("*Proof.* Trivial. ∎");
        assertThat(TexPreprocessor.proofAsProse("\\begin{proof}[Proof of (a)] x \\end{proof}"))
                .isEqualTo("*Proof of (a).*  x  ∎");
    }
}
