package io.greenportal.publicity.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.publicity.support.Api;
import io.greenportal.publicity.support.Await;
import io.greenportal.publicity.support.IntegrationTest;
import io.greenportal.publicity.support.Registry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** {@code sort=name} lists enterprises in pinyin order, page after page. */
@IntegrationTest
class NameSortTest {

    @Autowired
    RestTestClient rest;

    @Test
    void sortByNameFollowsPinyinAcrossPages() {
        Api api = new Api(rest);
        String mark = Registry.uniqueHan(4);
        // registered in code-point order of their first character: 中 < 北 < 宁 < 安 < 重
        List<Listing> listings = new ArrayList<>();
        for (String start : List.of("中银", "北京", "宁夏", "安徽", "重庆")) {
            listings.add(Registry.factory(start + mark + "绿色制造有限公司", "640104", 2024));
        }
        Await.until(Duration.ofSeconds(60), "the five listings indexed",
                () -> api.get("/api/v1/public/listings?q={q}&size=10", mark).path("total").asInt() == 5);

        List<String> names = new ArrayList<>();
        JsonNode page = api.get("/api/v1/public/listings?q={q}&sort=name&size=2", mark);
        while (true) {
            page.path("items").forEach(item -> names.add(item.path("enterprise").path("name").asString()));
            JsonNode next = page.path("nextCursor");
            if (next.isMissingNode() || next.isNull()) {
                break;
            }
            page = api.get("/api/v1/public/listings?q={q}&sort=name&size=2&cursor={c}", mark, next.asString());
        }
        assertThat(names).containsExactly("安徽" + mark + "绿色制造有限公司", "北京" + mark + "绿色制造有限公司",
                "重庆" + mark + "绿色制造有限公司", "宁夏" + mark + "绿色制造有限公司", "中银" + mark + "绿色制造有限公司");
    }
}
