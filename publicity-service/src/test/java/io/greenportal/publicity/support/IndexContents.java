package io.greenportal.publicity.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.greenportal.contracts.registry.v1.Change;
import io.greenportal.publicity.search.ListingDocument;
import io.greenportal.publicity.search.ListingFilter;
import io.greenportal.publicity.search.ListingSearch;

/** What the public index holds, compared listing by listing with what the registry's feed says. */
public final class IndexContents {

    private IndexContents() {
    }

    public static Map<String, ListingDocument> all(ListingSearch search) {
        Map<String, ListingDocument> documents = new HashMap<>();
        search.scan(null, ListingFilter.parse(null, null, null, null, null, "ALL"), 1000,
                page -> page.forEach(d -> documents.put(d.id(), d)));
        return documents;
    }

    /**
     * Every listing of the registry's feed up to {@code position} is in the index exactly once, as
     * its last change left it (status and version), and the index holds nothing else.
     */
    public static void assertMatchesRegistry(ListingSearch search, long position) throws InterruptedException {
        Map<String, Change> expected = Registry.replay(position);
        Map<String, ListingDocument> actual = all(search);
        assertThat(actual.keySet()).as("listing ids in the index vs the registry feed up to %d", position)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((id, change) -> {
            ListingDocument document = actual.get(id);
            assertThat(document.sequence()).as("version of %s", id).isEqualTo(change.getSequence());
            assertThat(document.status()).as("status of %s", id).isEqualTo(change.getListing().getStatus().name());
            assertThat(document.enterpriseName()).as("name of %s", id).isEqualTo(change.getListing().getEnterprise().getName());
        });
        System.out.printf("index matches the registry feed up to %d: %d listings%n", position, actual.size());
    }
}
