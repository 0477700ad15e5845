package io.greenportal.publicity.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The announcements as Atom (RFC 4287) and JSON Feed 1.1: stable entry ids, links, Shanghai times, escaped text. */
@Tag("unit")
class FeedRendererTest {

    static final String BASE = "https://gxt.nx.gov.cn/greenportal";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final OffsetDateTime UPDATED = OffsetDateTime.parse("2026-06-01T10:00:00+08:00");

    static final Announcement REVOCATION = new Announcement(7, Announcement.Source.REGISTRY, 4711, Announcement.Kind.REVOKED,
            OffsetDateTime.parse("2026-06-01T09:30:00+08:00"), "5f1d0000-0000-4000-8000-000000000214",
            "撤销国家级绿色工厂称号：大同冀东水泥有限责任公司", "国家级绿色工厂，2020年度（十三五期间），证书编号 GF-CN-2020-0002。原因：发生较大环境污染事件",
            data("listingId", "5f1d0000-0000-4000-8000-000000000214", "status", "REVOKED"));
    static final Announcement BATCH = new Announcement(8, Announcement.Source.CERTIFICATION, 12,
            Announcement.Kind.BATCH_OPENED, OffsetDateTime.parse("2026-03-15T08:00:00+08:00"), null,
            "申报批次开放：2026年度第一批 <绿色工厂 & 园区>", "2026年度，申报类型：绿色工厂、绿色园区，申报截止 2026年4月30日。",
            data("batchId", "b-2026-1", "year", 2026));

    static Map<String, Object> data(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
    }

    @Test
    void anEntrysIdNamesTheChangeItCameFromAndNeverChanges() {
        assertThat(FeedRenderer.entryId(REVOCATION)).isEqualTo("urn:greenportal:announcement:registry:4711");
        assertThat(FeedRenderer.entryId(BATCH)).isEqualTo("urn:greenportal:announcement:certification:12");
    }

    @Test
    void aListingsAnnouncementLinksToTheListingsPageOthersToThePublicityPage() {
        assertThat(FeedRenderer.link(BASE, REVOCATION)).isEqualTo(BASE + "/listings/5f1d0000-0000-4000-8000-000000000214");
        assertThat(FeedRenderer.link(BASE, BATCH)).isEqualTo(BASE + "/publicity");
        assertThat(FeedRenderer.apiLink(BASE, REVOCATION))
                .isEqualTo(BASE + "/api/v1/public/listings/5f1d0000-0000-4000-8000-000000000214");
        assertThat(FeedRenderer.apiLink(BASE, BATCH)).isEqualTo(BASE + "/api/v1/public/notices");
    }

    @Test
    void theAtomFeedIsWellFormedWithItsTextEscaped() throws Exception {
        Document atom = parse(FeedRenderer.atom(BASE, List.of(REVOCATION, BATCH), UPDATED));
        Element feed = atom.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getAttribute("xml:lang")).isEqualTo("zh-CN");
        assertThat(text(feed, "updated")).isEqualTo("2026-06-01T10:00:00+08:00");
        var entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isEqualTo(2);
        Element revocation = (Element) entries.item(0);
        assertThat(text(revocation, "id")).isEqualTo("urn:greenportal:announcement:registry:4711");
        assertThat(text(revocation, "title")).isEqualTo("撤销国家级绿色工厂称号：大同冀东水泥有限责任公司");
        assertThat(text(revocation, "published")).isEqualTo("2026-06-01T09:30:00+08:00");
        assertThat(((Element) revocation.getElementsByTagNameNS(ATOM, "category").item(0)).getAttribute("term"))
                .isEqualTo("REVOKED");
        Element page = (Element) revocation.getElementsByTagNameNS(ATOM, "link").item(0);
        assertThat(page.getAttribute("rel")).isEqualTo("alternate");
        assertThat(page.getAttribute("type")).isEqualTo("text/html");
        assertThat(page.getAttribute("href")).isEqualTo(BASE + "/listings/5f1d0000-0000-4000-8000-000000000214");
        Element data = (Element) revocation.getElementsByTagNameNS(ATOM, "link").item(1);
        assertThat(data.getAttribute("rel")).isEqualTo("related");
        assertThat(data.getAttribute("href")).isEqualTo(BASE + "/api/v1/public/listings/5f1d0000-0000-4000-8000-000000000214");
        assertThat(text((Element) entries.item(1), "title")).as("< and & survive as text")
                .isEqualTo("申报批次开放：2026年度第一批 <绿色工厂 & 园区>");
    }

    @Test
    void anEmptyFeedIsStillAFeed() throws Exception {
        Element feed = parse(FeedRenderer.atom(BASE, List.of(), UPDATED)).getDocumentElement();
        assertThat(feed.getElementsByTagNameNS(ATOM, "entry").getLength()).isZero();
        assertThat(text(feed, "title")).isEqualTo(FeedRenderer.TITLE);
    }

    @Test
    void theJsonFeedCarriesTheSameEntriesAndTheirData() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode feed = json.readTree(FeedRenderer.json(json, BASE, List.of(REVOCATION, BATCH)));
        assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("feed_url").asString()).isEqualTo(BASE + "/api/v1/public/feed.json");
        JsonNode item = feed.get("items").get(0);
        assertThat(item.get("id").asString()).isEqualTo("urn:greenportal:announcement:registry:4711");
        assertThat(item.get("date_published").asString()).isEqualTo("2026-06-01T09:30:00+08:00");
        assertThat(item.get("tags").get(0).asString()).isEqualTo("REVOKED");
        assertThat(item.get("_greenportal").get("kind").asString()).isEqualTo("REVOKED");
        assertThat(item.get("_greenportal").get("status").asString()).isEqualTo("REVOKED");
        assertThat(feed.get("home_page_url").asString()).isEqualTo(BASE + "/");
        assertThat(item.get("url").asString()).isEqualTo(BASE + "/listings/5f1d0000-0000-4000-8000-000000000214");
        assertThat(item.get("_greenportal").get("api").asString())
                .isEqualTo(BASE + "/api/v1/public/listings/5f1d0000-0000-4000-8000-000000000214");
        assertThat(feed.get("items").get(1).get("content_text").asString()).contains("申报截止 2026年4月30日");
        assertThat(feed.get("items").get(1).get("_greenportal").get("year").asInt()).isEqualTo(2026);
    }
}
