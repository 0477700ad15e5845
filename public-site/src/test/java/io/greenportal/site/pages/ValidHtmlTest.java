package io.greenportal.site.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.greenportal.site.support.CannedApi;
import io.greenportal.site.support.FakePublicApi;

import org.jsoup.nodes.Document;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every kind of page parses as HTML5 without a single parse error (the HTML5 parsing algorithm's
 * own list: misnested or unclosed elements, stray end tags, duplicate attributes, a missing
 * doctype) and carries what search engines and sharing need: lang zh-CN (and Content-Language
 * zh-CN, whatever the browser's language), a title, a description.
 */
@SpringBootTest(properties = "greenportal.site.public-url=https://portal.example.gov.cn")
@AutoConfigureMockMvc
@Import(CannedApi.class)
class ValidHtmlTest {


    @Autowired
    MockMvc web;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/search?q=水泥", "/search?q=水泥&type=GREEN_PRODUCT&page=1",
            "/listings/" + FakePublicApi.CEMENT_ID, "/listings/" + FakePublicApi.REVOKED_ID, "/publicity",
            "/publicity/" + FakePublicApi.OPEN_NOTICE, "/publicity/" + FakePublicApi.CLOSED_NOTICE,
            "/publicity/" + FakePublicApi.OPEN_NOTICE + "/objection", "/open-data", "/no/such/page",
            "/listings/not-an-id"})
    void everyPageIsWellFormedHtml5ForPeopleAndSearchEngines(String path) throws Exception {
        var response = web.perform(get(path).header("Accept-Language", "en-US,en;q=0.9")).andReturn().getResponse();
        assertThat(response.getHeader("Content-Language")).as("Content-Language of %s", path).isEqualTo("zh-CN");
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document page = parser.parseInput(html, "https://portal.example.gov.cn" + path);
        List<String> errors = parser.getErrors().stream().map(ParseError::toString).toList();
        assertThat(errors).as("HTML5 parse errors of %s", path).isEmpty();
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(page.title()).isNotBlank();
        assertThat(page.select("meta[name=description]").attr("content")).as("description of %s", path).isNotBlank();
        assertThat(page.select("[id]").eachAttr("id")).as("ids are unique on %s", path).doesNotHaveDuplicates();
    }
}
