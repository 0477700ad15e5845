package io.greenportal.publicity.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;

import io.greenportal.platform.web.ApiException;
import io.greenportal.publicity.Vocabulary;
import io.greenportal.publicity.reference.ReferenceNames;

import org.springframework.stereotype.Service;

/**
 * Public search over the alias. Queries are built from typed clauses only (no query_string), so
 * Lucene syntax in {@code q} is just text.
 * <p>
 * Chinese names: the index has no Chinese analyzer (no smartcn/cjk/ngram in this Elasticsearch),
 * and the standard analyzer makes each Han character a token. A {@code match_phrase} with slop 0
 * then matches exactly the names containing the typed characters contiguously and in that order:
 * 水泥 and 冀东水泥 find 大同冀东水泥有限责任公司, 泥水 or 东冀 do not. A
 * {@code match_phrase_prefix} does the same while letting the last Latin/digit token be
 * incomplete (HRB4 → HRB400E). Certificate numbers and credit codes match exactly or by prefix.
 */
@Service
public class ListingSearch {

    static final String[] NAME_FIELDS = {"enterpriseName", "subjectName"};
    private static final List<String> LIST_EXCLUDES = List.of("indicators", "nameOrder");

    private final ElasticsearchClient client;
    private final ListingIndex index;
    private final SearchCursor cursors;
    private final ReferenceNames names;

    public ListingSearch(ElasticsearchClient client, ListingIndex index, SearchCursor cursors, ReferenceNames names) {
        this.client = client;
        this.index = index;
        this.cursors = cursors;
        this.names = names;
    }

    /** Words a query is split into at most; more are one word with the last. */
    static final int MAX_WORDS = 8;

    /**
     * The text part of a search. Words separated by spaces (ASCII or ideographic) must each match, as
     * in every search box people know (宁夏 水泥 finds 宁夏金积水泥有限公司); the whole query as one
     * run ranks first.
     */
    static Query text(String q) {
        String[] words = q.strip().split("[\\s\u3000]+", MAX_WORDS);
        if (words.length < 2) {
            return word(q.strip());
        }
        List<Query> each = java.util.Arrays.stream(words).map(ListingSearch::word).toList();
        String joined = String.join("", words);
        return Query.of(x -> x.bool(b -> b.must(each).should(word(joined))));
    }

    /**
     * One word: names by contiguous substring, numbers and codes exactly or by prefix. Full-width
     * letters and digits, as a Chinese input method types them (ＧＦ－６４００００), are also tried
     * folded (NFKC): codes always are, names as typed and folded.
     */
    static Query word(String q) {
        String folded = Normalizer.normalize(q, Normalizer.Form.NFKC);
        String lower = folded.toLowerCase(Locale.ROOT);
        List<Query> should = new ArrayList<>();
        for (String form : folded.equals(q) ? List.of(q) : List.of(q, folded)) {
            for (String field : NAME_FIELDS) {
                should.add(Query.of(s -> s.matchPhrase(m -> m.field(field).query(form).slop(0).boost(3f))));
                should.add(Query.of(s -> s.matchPhrasePrefix(m -> m.field(field).query(form).slop(0).maxExpansions(50))));
            }
        }
        should.add(Query.of(s -> s.term(t -> t.field("certificateNumber").value(lower).boost(10f))));
        should.add(Query.of(s -> s.term(t -> t.field("uscc").value(lower).boost(10f))));
        if (lower.length() >= 4 && lower.matches("[0-9a-z-]+")) {
            should.add(Query.of(s -> s.prefix(p -> p.field("certificateNumber").value(lower).boost(2f))));
            should.add(Query.of(s -> s.prefix(p -> p.field("uscc").value(lower).boost(2f))));
        }
        return Query.of(x -> x.bool(b -> b.should(should).minimumShouldMatch("1")));
    }

    /** The search's query: the filters, and the text when there is one. */
    public static Query query(String q, ListingFilter filter) {
        List<Query> filters = filter.clauses();
        if (q == null) {
            return Query.of(x -> x.bool(b -> b.filter(filters)));
        }
        Query text = text(q);
        return Query.of(x -> x.bool(b -> b.filter(filters).must(text)));
    }

    /**
     * Elasticsearch refusing the search (400) because of a cursor's values is the caller's bad input,
     * not search being down: a 503 there would let anyone open the gateway's circuit to this service.
     */
    private static <T> T refusedCursorIsBadInput(List<FieldValue> after, Callable<T> search)
            throws Exception {
        try {
            return search.call();
        } catch (ElasticsearchException e) {
            if (after != null && e.status() == 400) {
                throw ApiException.invalid("cursor", "The cursor does not fit this search: start again from the first page");
            }
            throw e;
        }
    }

    public SearchPage search(SearchQuery query) {
        List<FieldValue> after = query.cursor() == null ? null
                : cursors.decode(query.cursor(), query.searchKey(), query.sort().cursorShape());
        boolean facets = after == null;
        return ElasticCalls.read(() -> {
            SearchResponse<ListingDocument> response = refusedCursorIsBadInput(after, () -> client.search(s -> {
                s.index(index.alias())
                        .query(query(query.q(), query.filter()))
                        .size(query.size())
                        .sort(query.sort().options())
                        .trackTotalHits(t -> t.enabled(true))
                        .source(src -> src.filter(f -> f.excludes(LIST_EXCLUDES)));
                if (after != null) {
                    s.searchAfter(after);
                } else {
                    s.from(query.page() * query.size());
                }
                if (query.q() != null) {
                    s.highlight(highlight());
                }
                if (facets) {
                    s.aggregations(facetAggregations(query.filter()));
                }
                return s;
            }, ListingDocument.class));
            List<Hit<ListingDocument>> hits = response.hits().hits();
            List<ListingView> items = hits.stream()
                    .map(hit -> ListingView.of(hit.source(), false, highlights(hit)))
                    .toList();
            long total = response.hits().total() == null ? items.size() : response.hits().total().value();
            String next = null;
            if (hits.size() == query.size() && (after != null || (long) query.page() * query.size() + hits.size() < total)) {
                next = cursors.encode(query.searchKey(), hits.getLast().sort());
            }
            return new SearchPage(items, total, after == null ? query.page() : null, query.size(), next,
                    facets ? facets(response.aggregations(), query.filter()) : null, response.took(),
                    selected(query.filter()));
        }, SearchPage.empty(query));
    }

    public Optional<ListingView> get(String id) {
        return ElasticCalls.read(() -> {
            var response = client.get(g -> g.index(index.alias()).id(id), ListingDocument.class);
            return response.found() && response.source() != null
                    ? Optional.of(ListingView.of(response.source(), true, null))
                    : Optional.<ListingView>empty();
        }, Optional.empty());
    }

    public record Suggestion(String text, String field, String highlighted) {
    }

    /** The part of a document a suggestion needs. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Names(String id, String enterpriseName, String subjectName) {
    }

    /** Type-ahead: names (enterprise or subject) containing what was typed, contiguous, the last part possibly incomplete. */
    public List<Suggestion> suggest(String q, int size) {
        return ElasticCalls.read(() -> {
            List<Query> should = new ArrayList<>();
            for (String field : NAME_FIELDS) {
                should.add(Query.of(s -> s.matchPhrasePrefix(m -> m.field(field).query(q).maxExpansions(50))));
            }
            Query filter = ListingFilter.none().query();
            var response = client.search(s -> s.index(index.alias())
                    .query(x -> x.bool(b -> b.filter(filter).should(should).minimumShouldMatch("1")))
                    .size(size * 3)
                    .source(src -> src.filter(f -> f.includes("id", "enterpriseName", "subjectName")))
                    .highlight(highlight()), Names.class);
            Set<String> seen = new LinkedHashSet<>();
            List<Suggestion> suggestions = new ArrayList<>();
            for (Hit<Names> hit : response.hits().hits()) {
                Map<String, String> marked = highlights(hit);
                for (String field : NAME_FIELDS) {
                    String value = "enterpriseName".equals(field) ? hit.source().enterpriseName() : hit.source().subjectName();
                    if (marked.containsKey(field) && value != null && seen.add(value) && suggestions.size() < size) {
                        suggestions.add(new Suggestion(value, "enterpriseName".equals(field) ? "enterprise" : "subject",
                                marked.get(field)));
                    }
                }
            }
            return suggestions;
        }, List.of());
    }

    /** Every listing the search finds (text {@code q}, may be null, and the filters), in pages in id order. */
    public void scan(String q, ListingFilter filter, int pageSize, Consumer<List<ListingDocument>> page) {
        Query query = query(q, filter);
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<ListingDocument> response = ElasticCalls.read(() -> client.search(s -> {
                s.index(index.alias()).query(query).size(pageSize).sort(SearchQuery.Sort.ID.options())
                        .trackTotalHits(t -> t.enabled(false));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, ListingDocument.class), null);
            if (response == null || response.hits().hits().isEmpty()) {
                return;
            }
            List<Hit<ListingDocument>> hits = response.hits().hits();
            page.accept(hits.stream().map(Hit::source).toList());
            if (hits.size() < pageSize) {
                return;
            }
            after = hits.getLast().sort();
        }
    }

    private static Highlight highlight() {
        return Highlight.of(h -> h.preTags("<em>").postTags("</em>").encoder(HighlighterEncoder.Html)
                .fields("enterpriseName", f -> f.numberOfFragments(0))
                .fields("subjectName", f -> f.numberOfFragments(0)));
    }

    /** The highlighter marks each Han character on its own; adjacent marks are merged into one. */
    static Map<String, String> highlights(Hit<?> hit) {
        Map<String, String> marked = new LinkedHashMap<>();
        hit.highlight().forEach((field, fragments) -> {
            if (!fragments.isEmpty()) {
                marked.put(field, fragments.getFirst().replace("</em><em>", ""));
            }
        });
        return marked;
    }

    private static Map<String, Aggregation> facetAggregations(ListingFilter filter) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        aggregations.put("type", Aggregation.of(a -> a.terms(t -> t.field("type").size(10))));
        aggregations.put("level", Aggregation.of(a -> a.terms(t -> t.field("level").size(10))));
        aggregations.put("status", Aggregation.of(a -> a.terms(t -> t.field("status").size(10))));
        aggregations.put("region", Aggregation.of(a -> a.terms(t -> t.field(regionFacetField(filter)).size(500))));
        aggregations.put("industry", Aggregation.of(a -> a.terms(t -> t.field("industryCode").size(200))));
        aggregations.put("year", Aggregation.of(a -> a.terms(t -> t.field("year").size(200))));
        return aggregations;
    }

    /** Regions one level below the filter: cities of a province (or of everything), counties of a city. */
    static String regionFacetField(ListingFilter filter) {
        if (filter.region() == null || filter.region().endsWith("0000")) {
            return "cityCode";
        }
        return "regionCode";
    }

    private Map<String, SearchPage.Named> selected(ListingFilter filter) {
        Map<String, SearchPage.Named> selected = new LinkedHashMap<>();
        if (filter.region() != null) {
            selected.put("region", new SearchPage.Named(filter.region(), names.region(filter.region())));
        }
        if (filter.industry() != null) {
            selected.put("industry", new SearchPage.Named(filter.industry(), names.industry(filter.industry())));
        }
        return selected.isEmpty() ? null : selected;
    }

    private Map<String, List<SearchPage.Facet>> facets(Map<String, Aggregate> aggregations, ListingFilter filter) {
        Map<String, List<SearchPage.Facet>> facets = new LinkedHashMap<>();
        facets.put("type", strings(aggregations.get("type"), Vocabulary::type));
        facets.put("level", strings(aggregations.get("level"), Vocabulary::level));
        facets.put("status", strings(aggregations.get("status"), Vocabulary::status));
        facets.put("region", strings(aggregations.get("region"), names::region));
        facets.put("industry", strings(aggregations.get("industry"), names::industry));
        List<SearchPage.Facet> years = new ArrayList<>();
        if (aggregations.get("year") != null && aggregations.get("year").isLterms()) {
            aggregations.get("year").lterms().buckets().array().forEach(b ->
                    years.add(new SearchPage.Facet(Long.toString(b.key()), null, b.docCount())));
        }
        years.sort((a, b) -> b.value().compareTo(a.value()));
        facets.put("year", years);
        return facets;
    }

    private static List<SearchPage.Facet> strings(Aggregate aggregate, java.util.function.Function<String, String> name) {
        List<SearchPage.Facet> facets = new ArrayList<>();
        if (aggregate != null && aggregate.isSterms()) {
            aggregate.sterms().buckets().array().forEach(b -> {
                String value = b.key().stringValue();
                facets.add(new SearchPage.Facet(value, name.apply(value), b.docCount()));
            });
        }
        return facets;
    }
}
