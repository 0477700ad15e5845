package io.greenportal.certification.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Upload names are shown to reviewers and sent back in Content-Disposition: a plain PDF name, no path. */
@Tag("unit")
class FileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"绿色工厂第三方评价报告.pdf", "NXJN-2025-017 评价报告（终稿）.PDF", "report.v2.pdf", "a.pdf"})
    void plainPdfNamesAreAccepted(String name) {
        assertThat(FileNames.problem(name)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd.pdf", "reports/评价报告.pdf", "C:\\报告.pdf", "C:报告.pdf", "报告..pdf"})
    void aPathIsRefused(String name) {
        assertThat(FileNames.problem(name)).isEqualTo("the file name must not contain a path (/, \\, .. or :)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"报告\u0000.pdf", "报告\n.pdf", "报告<script>.pdf", "what?.pdf", "a|b.pdf", "\"q\".pdf", "*.pdf"})
    void controlAndReservedCharactersAreRefused(String name) {
        assertThat(FileNames.problem(name))
                .isEqualTo("the file name must not contain control characters or any of < > \" | ? *");
    }

    @Test
    void theNameIsAPdfNameNotHiddenNorPadded() {
        assertThat(FileNames.problem("评价报告.docx")).isEqualTo("the file name must end in .pdf");
        assertThat(FileNames.problem("评价报告.pdf.exe")).isEqualTo("the file name must end in .pdf");
        assertThat(FileNames.problem(".hidden.pdf")).isEqualTo("the file name must not start with a dot or with or end in spaces");
        assertThat(FileNames.problem(" 报告.pdf")).isEqualTo("the file name must not start with a dot or with or end in spaces");
        assertThat(FileNames.problem("报告.pdf ")).isEqualTo("the file name must not start with a dot or with or end in spaces");
        assertThat(FileNames.problem(null)).isEqualTo("the file needs a name");
        assertThat(FileNames.problem("  ")).isEqualTo("the file needs a name");
    }

    @Test
    void aNameThatWasNotUtf8IsRefusedNotKeptWithReplacementCharacters() {
        // Tomcat reads the bytes FF FE of a multipart file name as two U+FFFD
        assertThat(FileNames.problem("\uFFFD\uFFFD.pdf")).isEqualTo("the file name is not valid UTF-8");
    }

    @Test
    void theNameHasAtMost120Characters() {
        assertThat(FileNames.problem("报".repeat(116) + ".pdf")).isNull();
        assertThat(FileNames.problem("报".repeat(117) + ".pdf")).isEqualTo("the file name must be at most 120 characters");
    }
}
