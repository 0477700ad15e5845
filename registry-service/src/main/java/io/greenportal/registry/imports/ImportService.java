package io.greenportal.registry.imports;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.greenportal.platform.web.ApiException;
import io.greenportal.registry.changefeed.ChangeLog;
import io.greenportal.registry.enterprise.EnterpriseStore;
import io.greenportal.registry.imports.ImportJob.Rejection;
import io.greenportal.registry.imports.ImportJob.Warning;
import io.greenportal.registry.listing.ListingRules;
import io.greenportal.registry.listing.ListingService;
import io.greenportal.registry.listing.ListingStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import in the background, a chunk of rows per transaction. Rows are checked by the same
 * rules as the API before a chunk is written, so a bad row is rejected with its line and reason
 * and never takes good rows down with it; duplicate certificate numbers (in the file or already in
 * the registry) are rejected too, so sending a file twice imports nothing twice.
 */
@Service
public class ImportService {

    static final int CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final ListingFileParser parser;
    private final ListingRules rules;
    private final ListingService listings;
    private final ListingStore store;
    private final EnterpriseStore enterprises;
    private final ChangeLog changeLog;
    private final ImportJobStore jobs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ImportService(ListingFileParser parser, ListingRules rules, ListingService listings, ListingStore store,
            EnterpriseStore enterprises, ChangeLog changeLog, ImportJobStore jobs, TransactionTemplate transactions,
            Clock clock) {
        this.parser = parser;
        this.rules = rules;
        this.listings = listings;
        this.store = store;
        this.enterprises = enterprises;
        this.changeLog = changeLog;
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedJobs() {
        int failed = jobs.failInterrupted(OffsetDateTime.now(clock));
        if (failed > 0) {
            log.warn("{} import job(s) were interrupted by a restart and marked FAILED", failed);
        }
    }

    /** Parses the whole file (refusing it if it is not well-formed) and starts the job. */
    public UUID start(String fileName, String contentType, byte[] content, String actor) {
        var format = UploadedList.Format.of(fileName, contentType);
        List<ImportRow> rows = parser.parse(content, format);
        if (rows.isEmpty()) {
            throw ApiException.invalid("file", "holds no rows");
        }
        UUID id = UUID.randomUUID();
        jobs.create(id, fileName, format.name(), rows.size(), actor, OffsetDateTime.now(clock));
        Thread.ofVirtual().name("import-" + id).start(() -> run(id, rows, actor));
        return id;
    }

    /** As {@link #start}, but runs the job on the calling thread (the demo data loads this way). */
    public UUID importNow(String fileName, String contentType, byte[] content, String actor) {
        var format = UploadedList.Format.of(fileName, contentType);
        List<ImportRow> rows = parser.parse(content, format);
        UUID id = UUID.randomUUID();
        jobs.create(id, fileName, format.name(), rows.size(), actor, OffsetDateTime.now(clock));
        run(id, rows, actor);
        return id;
    }

    void run(UUID id, List<ImportRow> rows, String actor) {
        try {
            Set<String> numbersInFile = new HashSet<>();
            for (int from = 0; from < rows.size(); from += CHUNK) {
                importChunk(id, rows.subList(from, Math.min(rows.size(), from + CHUNK)), numbersInFile, actor);
            }
            jobs.finish(id, ImportJob.Status.COMPLETED, null, OffsetDateTime.now(clock));
        } catch (RuntimeException e) {
            log.error("import {} failed", id, e);
            jobs.finish(id, ImportJob.Status.FAILED, "the import stopped unexpectedly; rows reported as done are kept",
                    OffsetDateTime.now(clock));
        }
    }

    private record Checked(ImportRow row, ListingRules.Valid valid) {
    }

    private void importChunk(UUID id, List<ImportRow> chunk, Set<String> numbersInFile, String actor) {
        List<Rejection> rejected = new ArrayList<>();
        List<Checked> good = new ArrayList<>();
        for (ImportRow row : chunk) {
            if (row.unreadable() != null) {
                rejected.add(new Rejection(row.line(), row.field(), row.unreadable()));
                continue;
            }
            try {
                var valid = rules.check(row.request());
                if (valid.certificateNumber() != null && !numbersInFile.add(valid.certificateNumber())) {
                    rejected.add(new Rejection(row.line(), "certificateNumber",
                            "certificate number " + valid.certificateNumber() + " appears earlier in this file"));
                    continue;
                }
                good.add(new Checked(row, valid));
            } catch (ApiException e) {
                rejected.add(new Rejection(row.line(), e.field(), e.getMessage()));
            }
        }
        int imported = transactions.execute(status -> {
            changeLog.lockForWrite();
            Set<String> taken = new HashSet<>(store.existingCertificateNumbers(good.stream()
                    .map(c -> c.valid().certificateNumber()).filter(n -> n != null).toList()));
            Set<String> held = store.naturalKeysOf(good.stream().map(c -> c.valid().enterprise().uscc())
                    .collect(java.util.stream.Collectors.toSet()));
            List<ListingRules.Valid> accepted = new ArrayList<>();
            List<Integer> acceptedLines = new ArrayList<>();
            for (Checked checked : good) {
                var v = checked.valid();
                String number = v.certificateNumber();
                // upper-cased: gf-cn-2020-0009 is GF-CN-2020-0009 (in the registry, or earlier in this file)
                if (number != null && !taken.add(number.toUpperCase(java.util.Locale.ROOT))) {
                    rejected.add(new Rejection(checked.row().line(), "certificateNumber",
                            "certificate number " + number + " is already in the registry"));
                    continue;
                }
                String key = ListingStore.naturalKey(v.enterprise().uscc(), v.type(), v.level(), v.year(), v.subject());
                if (number == null && !held.add(key)) {
                    rejected.add(new Rejection(checked.row().line(), null, "the enterprise already holds this "
                            + v.level() + " " + v.type() + " listing for " + v.year()));
                    continue;
                }
                held.add(key);
                accepted.add(v);
                acceptedLines.add(checked.row().line());
            }
            List<Warning> warnings = nameWarnings(accepted, acceptedLines);
            listings.insertAll(accepted, "IMPORT", "import:" + id, actor);
            rejected.sort(java.util.Comparator.comparingInt(Rejection::line));
            jobs.progress(id, chunk.size(), accepted.size(), rejected, warnings);
            return accepted.size();
        });
        log.debug("import {}: chunk of {} rows, {} imported", id, chunk.size(), imported);
    }

    /**
     * A listing follows its enterprise, so a row naming a known enterprise differently is imported
     * under the registered name (renames go through the enterprise), and the row is pointed out. An
     * enterprise new to the registry is registered under the name of its first row.
     */
    private List<Warning> nameWarnings(List<ListingRules.Valid> accepted, List<Integer> lines) {
        Map<String, String> registered = new HashMap<>();
        enterprises.findAll(accepted.stream().map(v -> v.enterprise().uscc()).collect(Collectors.toSet()))
                .forEach((uscc, ref) -> registered.put(uscc, ref.name()));
        List<Warning> warnings = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            var enterprise = accepted.get(i).enterprise();
            String name = registered.putIfAbsent(enterprise.uscc(), enterprise.name());
            if (name != null && !name.equals(enterprise.name())) {
                warnings.add(new Warning(lines.get(i), "enterprise.name", "enterprise_name " + enterprise.name()
                        + " differs from the registered name " + name + " of " + enterprise.uscc()
                        + "; the registered name is kept (rename the enterprise to change it)"));
            }
        }
        return warnings;
    }
}
