package io.greenportal.publicity.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;

import io.greenportal.publicity.PublicityProperties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The physical indices behind the public alias. Readers only ever use the alias; the writer writes
 * to physical indices named {@code <alias>-<UTC timestamp>}, so a rebuild can fill a new one and
 * move the alias in one atomic step.
 */
@Component
public class ListingIndex {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final PublicityProperties.Elasticsearch settings;
    private final Clock clock;
    private final String definition;
    private final int definitionVersion;

    public ListingIndex(ElasticsearchClient client, PublicityProperties properties, Clock clock) {
        this.client = client;
        this.settings = properties.elasticsearch();
        this.clock = clock;
        if (!settings.alias().matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalStateException("greenportal.elasticsearch.alias must be a lower-case index name: "
                    + settings.alias());
        }
        try {
            this.definition = new ClassPathResource("elasticsearch/listings-index.json")
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.definitionVersion = JsonMapper.builder().build().readTree(definition)
                .at("/mappings/_meta/version").asInt(0);
    }

    public String alias() {
        return settings.alias();
    }

    /** Creates a new, empty physical index with the listing mapping and returns its name. */
    public String create() throws IOException {
        String name = settings.alias() + "-" + STAMP.format(clock.instant());
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode body = (ObjectNode) json.readTree(definition);
        ObjectNode index = body.withObject("/settings").withObject("/index");
        index.put("number_of_shards", settings.shards());
        index.put("number_of_replicas", settings.replicas());
        client.indices().create(c -> c.index(name).withJson(new StringReader(json.writeValueAsString(body))));
        return name;
    }

    /** The version of the index definition this service writes ({@code _meta.version} of its mapping). */
    public int definitionVersion() {
        return definitionVersion;
    }

    /** The definition version {@code index} was created with: 0 for one created before versions were kept. */
    public int version(String index) throws IOException {
        var mapping = client.indices().getMapping(g -> g.index(index)).result().get(index);
        var version = mapping == null ? null : mapping.mappings().meta().get("version");
        return version == null ? 0 : version.to(Integer.class);
    }

    /** The physical indices the alias points to now (normally exactly one). */
    public List<String> aliased() throws IOException {
        if (!client.indices().existsAlias(e -> e.name(settings.alias())).value()) {
            return List.of();
        }
        return new ArrayList<>(client.indices().getAlias(g -> g.name(settings.alias())).result().keySet());
    }

    /** The one physical index behind the alias, if there is one. */
    public Optional<String> current() throws IOException {
        List<String> indices = aliased();
        return indices.stream().max(String::compareTo);
    }

    /** Every physical index of this alias's family, aliased or not. */
    public List<String> physical() throws IOException {
        var response = client.indices().get(g -> g.index(settings.alias() + "-*").allowNoIndices(true)
                .ignoreUnavailable(true));
        return new ArrayList<>(response.result().keySet());
    }

    /** Points the alias at {@code target} and at nothing else, atomically. */
    public void switchTo(String target) throws IOException {
        List<Action> actions = new ArrayList<>();
        for (String old : aliased()) {
            if (!old.equals(target)) {
                actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(settings.alias()))));
            }
        }
        actions.add(Action.of(a -> a.add(add -> add.index(target).alias(settings.alias()))));
        client.indices().updateAliases(u -> u.actions(actions));
    }

    public void delete(String index) throws IOException {
        if (!index.startsWith(settings.alias() + "-")) {
            throw new IllegalArgumentException("not an index of " + settings.alias() + ": " + index);
        }
        client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    }

    public void refresh(String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
    }

    public long count(String index) throws IOException {
        return client.count(c -> c.index(index)).count();
    }
}
