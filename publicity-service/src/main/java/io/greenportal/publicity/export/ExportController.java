package io.greenportal.publicity.export;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import io.greenportal.publicity.PublicityProperties;
import io.greenportal.publicity.search.ElasticCalls;
import io.greenportal.publicity.search.ListingDocument;
import io.greenportal.publicity.search.ListingFilter;
import io.greenportal.publicity.search.ListingIndex;
import io.greenportal.publicity.search.ListingSearch;
import io.greenportal.publicity.search.SearchQuery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open data: the public listings as CSV or JSON, streamed page by page (search_after in id order,
 * so each listing appears exactly once even while the index changes) in constant memory, whatever
 * the size. The same filters as the search apply; by default active and suspended listings.
 */
@RestController
@RequestMapping("/api/v1/public")
public class ExportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final ListingSearch search;
    private final ElasticsearchClient client;
    private final ListingIndex index;
    private final JsonMapper json;
    private final Clock clock;
    private final int pageSize;
    private final Counter pages;

    public ExportController(ListingSearch search, ElasticsearchClient client, ListingIndex index, JsonMapper json,
            Clock clock, PublicityProperties properties, MeterRegistry meters) {
        this.search = search;
        this.client = client;
        this.index = index;
        this.json = json;
        this.clock = clock;
        this.pageSize = properties.export().pageSize();
        this.pages = Counter.builder("publicity.export.pages").description("search_after pages streamed by exports")
                .register(meters);
    }

    @Operation(summary = "The public listings as CSV (UTF-8 with a byte-order mark so spreadsheet programs read the Chinese; bom=false leaves it out)")
    @GetMapping("/export.csv")
    public ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String level, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String year,
            @RequestParam(required = false) List<String> status, @RequestParam(required = false) String bom) {
        ListingFilter filter = ListingFilter.parse(type, level, region, industry, year, ListingFilter.joined(status));
        String text = SearchQuery.text(q);
        boolean withBom = flag("bom", bom, true);
        long total = count(text, filter);
        StreamingResponseBody body = out -> {
            if (withBom) {
                out.write(BOM);
            }
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write(String.join(",", ExportColumns.ALL.stream().map(ExportColumns.Column::name).toList()));
            writer.write("\r\n");
            search.scan(text, filter, pageSize, documents -> {
                pages.increment();
                try {
                    for (ListingDocument d : documents) {
                        for (int i = 0; i < ExportColumns.ALL.size(); i++) {
                            if (i > 0) {
                                writer.write(',');
                            }
                            writer.write(Csv.cell(ExportColumns.ALL.get(i).value().apply(d)));
                        }
                        writer.write("\r\n");
                    }
                    writer.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok().contentType(CSV).header("X-Total-Count", Long.toString(total))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("csv")).body(body);
    }

    @Operation(summary = "The public listings as a JSON array (streamed), the keys as in the column dictionary")
    @GetMapping("/export.json")
    public ResponseEntity<StreamingResponseBody> json(@RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String level, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String year,
            @RequestParam(required = false) List<String> status) {
        ListingFilter filter = ListingFilter.parse(type, level, region, industry, year, ListingFilter.joined(status));
        String text = SearchQuery.text(q);
        long total = count(text, filter);
        StreamingResponseBody body = out -> {
            try (JsonGenerator generator = json.createGenerator(out)) {
                generator.writeStartArray();
                search.scan(text, filter, pageSize, documents -> {
                    pages.increment();
                    for (ListingDocument d : documents) {
                        generator.writeStartObject();
                        for (ExportColumns.Column column : ExportColumns.ALL) {
                            if (column.name().equals("indicators")) {
                                generator.writeName("indicators");
                                generator.writePOJO(d.indicators() == null ? List.of() : d.indicators());
                                continue;
                            }
                            Object value = column.value().apply(d);
                            generator.writeName(column.name());
                            if (value == null) {
                                generator.writeNull();
                            } else if (value instanceof Integer number) {
                                generator.writeNumber(number);
                            } else if (value instanceof Boolean flag) {
                                generator.writeBoolean(flag);
                            } else {
                                generator.writeString(value.toString());
                            }
                        }
                        generator.writeEndObject();
                    }
                    generator.flush();
                });
                generator.writeEndArray();
            }
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("X-Total-Count", Long.toString(total))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("json")).body(body);
    }

    public record ColumnDescription(String name, String type, String description, String descriptionZh) {
    }

    @Operation(summary = "The column dictionary of the exports")
    @GetMapping("/export/dictionary")
    public Map<String, Object> dictionary() {
        return Map.of("columns", ExportColumns.ALL.stream()
                .map(c -> new ColumnDescription(c.name(), c.type(), c.description(), c.descriptionZh())).toList(),
                "encoding", "UTF-8; CSV per RFC 4180 with CRLF line ends and a byte-order mark unless bom=false; "
                        + "text cells starting with = + - @ are prefixed with ' against spreadsheet formula injection");
    }

    /** Checked before the stream starts, so Elasticsearch being down is a 503 and not a cut-off file. */
    private long count(String text, ListingFilter filter) {
        return ElasticCalls.read(() -> client.count(c -> c.index(index.alias()).query(ListingSearch.query(text, filter)))
                .count(), 0L);
    }

    private String attachment(String extension) {
        return ContentDisposition.attachment()
                .filename("greenportal-listings-" + LocalDate.now(clock) + "." + extension).build().toString();
    }

    private static boolean flag(String field, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw io.greenportal.platform.web.ApiException.invalid(field, "must be true or false");
        };
    }
}
