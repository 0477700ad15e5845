package io.greenportal.site.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class HighlightTest {

    @Test
    void marksTheMatchesAndEscapesTheRest() {
        assertThat(Highlight.html("大同<em>冀东水泥</em>有限责任公司", "x")).isEqualTo("大同<mark>冀东水泥</mark>有限责任公司");
        assertThat(Highlight.html("<em>水</em>泥 &amp; P·O", "x")).isEqualTo("<mark>水</mark>泥 &amp; P·O");
    }

    @Test
    void nothingTheApiSendsBecomesMarkup() {
        assertThat(Highlight.html("<script>x</script><em><img src=x></em>", "x"))
                .isEqualTo("&lt;script&gt;x&lt;/script&gt;<mark>&lt;img src=x&gt;</mark>");
        assertThat(Highlight.html("&lt;b&gt;<em>泥</em>", "x")).isEqualTo("&lt;b&gt;<mark>泥</mark>");
        assertThat(Highlight.html(null, "<b>\"水泥\"</b>")).isEqualTo("&lt;b&gt;&quot;水泥&quot;&lt;/b&gt;");
    }
}
