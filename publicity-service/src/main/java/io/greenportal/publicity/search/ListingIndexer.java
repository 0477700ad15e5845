package io.greenportal.publicity.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

import org.springframework.stereotype.Component;

/**
 * Writes listing documents to the live physical index, and while a rebuild runs also to the index
 * being rebuilt. Every document carries its change sequence as external version: Elasticsearch
 * keeps the highest, so replays, retries and the rebuild's catch-up can run in any order and still
 * end with the newest state. Writers that must not interleave with an alias switch run inside
 * {@link #exclusively}.
 */
@Component
public class ListingIndexer {

    private final ElasticsearchClient client;
    private final ReentrantLock writes = new ReentrantLock();
    private volatile String live;
    private volatile String rebuildTarget;

    public ListingIndexer(ElasticsearchClient client) {
        this.client = client;
    }

    /** Thrown when Elasticsearch did not accept every document: nothing is considered applied. */
    public static class IndexingFailed extends RuntimeException {
        public IndexingFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public <T> T exclusively(Callable<T> work) throws Exception {
        writes.lock();
        try {
            return work.call();
        } finally {
            writes.unlock();
        }
    }

    public void useLive(String index) {
        this.live = index;
    }

    public String live() {
        return live;
    }

    public void startDualWrite(String index) {
        this.rebuildTarget = index;
    }

    public void stopDualWrite() {
        this.rebuildTarget = null;
    }

    public String rebuildTarget() {
        return rebuildTarget;
    }

    /**
     * Writes to the live index (visible to searches when this returns) and to a rebuild target
     * when there is one.
     */
    public void write(Collection<ListingDocument> documents) {
        String index = live;
        if (index == null) {
            throw new IndexingFailed("the live index is not known yet", null);
        }
        String target = rebuildTarget;
        if (target != null) {
            writeTo(target, documents, false);
        }
        writeTo(index, documents, true);
    }

    /** One bulk request; a document already present with a newer version counts as written. */
    public void writeTo(String index, Collection<ListingDocument> documents, boolean refresh) {
        if (documents.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = new ArrayList<>(documents.size());
        for (ListingDocument document : newestPerListing(documents)) {
            operations.add(BulkOperation.of(op -> op.index(i -> i.index(index).id(document.id())
                    .version(document.sequence()).versionType(VersionType.External).document(document))));
        }
        BulkResponse response;
        try {
            response = client.bulk(b -> b.operations(operations).refresh(refresh ? Refresh.True : Refresh.False));
        } catch (IOException | RuntimeException e) {
            throw new IndexingFailed("Elasticsearch did not take the bulk request: " + e.getMessage(), e);
        }
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && item.status() != 409) {
                    throw new IndexingFailed("Elasticsearch refused listing " + item.id() + ": " + item.error().type()
                            + " " + item.error().reason(), null);
                }
            }
        }
    }

    /** Within one batch only the newest snapshot of each listing matters. */
    static Collection<ListingDocument> newestPerListing(Collection<ListingDocument> documents) {
        Map<String, ListingDocument> newest = new LinkedHashMap<>();
        for (ListingDocument document : documents) {
            newest.merge(document.id(), document, (a, b) -> a.sequence() >= b.sequence() ? a : b);
        }
        return newest.values();
    }
}
