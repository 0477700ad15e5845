package io.greenportal.publicity.announcements;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.json.JsonMapper;

/** Renders announcements as Atom (RFC 4287) and JSON Feed 1.1. */
final class FeedRenderer {

    static final String TITLE = "绿色制造公共服务平台 · 公告";
    static final String DESCRIPTION = "新增绿色制造名单、限期整改、撤销与恢复、申报批次开放";
    static final String AUTHOR = "绿色制造公共服务平台";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private FeedRenderer() {
    }

    static String entryId(Announcement a) {
        return "urn:greenportal:announcement:" + a.source().name().toLowerCase() + ":" + a.sourceSequence();
    }

    /** The page a person opens from a feed reader: the listing's page on the public site, or the publicity page. */
    static String link(String base, Announcement a) {
        return a.listingId() != null ? base + "/listings/" + a.listingId() : base + "/publicity";
    }

    /** The same as data, for programs: the public API's listing or notices. */
    static String apiLink(String base, Announcement a) {
        return a.listingId() != null ? base + "/api/v1/public/listings/" + a.listingId()
                : base + "/api/v1/public/notices";
    }

    static String atom(String base, List<Announcement> entries, OffsetDateTime updated) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", "zh-CN");
            element(xml, "id", "urn:greenportal:announcements");
            element(xml, "title", TITLE);
            element(xml, "subtitle", DESCRIPTION);
            element(xml, "updated", RFC3339.format(updated));
            linkElement(xml, "self", "application/atom+xml", base + "/api/v1/public/feed.atom");
            linkElement(xml, "alternate", "text/html", base + "/");
            linkElement(xml, "alternate", "application/feed+json", base + "/api/v1/public/feed.json");
            xml.writeStartElement("author");
            element(xml, "name", AUTHOR);
            xml.writeEndElement();
            for (Announcement a : entries) {
                xml.writeStartElement("entry");
                element(xml, "id", entryId(a));
                element(xml, "title", a.title());
                element(xml, "updated", RFC3339.format(a.occurredAt()));
                element(xml, "published", RFC3339.format(a.occurredAt()));
                linkElement(xml, "alternate", "text/html", link(base, a));
                linkElement(xml, "related", "application/json", apiLink(base, a));
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", a.kind().name());
                element(xml, "summary", a.summary());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(JsonMapper json, String base, List<Announcement> entries) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", TITLE);
        feed.put("description", DESCRIPTION);
        feed.put("home_page_url", base + "/");
        feed.put("feed_url", base + "/api/v1/public/feed.json");
        feed.put("language", "zh-CN");
        feed.put("authors", List.of(Map.of("name", AUTHOR)));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Announcement a : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", entryId(a));
            item.put("url", link(base, a));
            item.put("title", a.title());
            item.put("content_text", a.summary());
            item.put("date_published", RFC3339.format(a.occurredAt()));
            item.put("tags", List.of(a.kind().name()));
            Map<String, Object> extension = new LinkedHashMap<>(a.data());
            extension.put("kind", a.kind().name());
            extension.put("api", apiLink(base, a));
            item.put("_greenportal", extension);
            items.add(item);
        }
        feed.put("items", items);
        return json.writeValueAsString(feed);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    private static void linkElement(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }
}
