package io.greenportal.registry.screening;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Times;
import io.greenportal.platform.web.UploadFileNames;
import io.greenportal.platform.web.UploadParts;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.databind.json.JsonMapper;

/**
 * Portfolio screening for banks: upload, progress, results. A bank acts by its token's
 * {@code bank_id}; another bank's job is "not found".
 */
@RestController
@RequestMapping("/api/v1/registry/screenings")
@PreAuthorize("hasRole('bank')")
public class ScreeningController {

    private static final int PAGE = 5_000;

    private final ScreeningService service;
    private final ScreeningStore store;
    private final JsonMapper json;
    private final java.time.Clock clock;

    public ScreeningController(ScreeningService service, ScreeningStore store, JsonMapper json, java.time.Clock clock) {
        this.service = service;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    static String bankOf(Authentication authentication) {
        String bank = Caller.of(authentication).bankId();
        if (bank == null || bank.isBlank()) {
            throw ApiException.forbidden("Your token carries no bank_id");
        }
        return bank;
    }

    @Operation(summary = "Screen a portfolio (multipart 'file': CSV with credit_code and/or name, optional reference; "
            + "or JSON [{creditCode, name, reference}]; up to 100,000 rows): 202 with the job")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ScreeningJob> start(@RequestPart("file") MultipartFile file, MultipartRequest parts,
            Authentication authentication) throws IOException {
        String bank = bankOf(authentication);
        UploadParts.requireOne(parts, "file");
        String nameProblem = UploadFileNames.problem(file.getOriginalFilename());
        if (nameProblem != null) {
            throw ApiException.invalid("file", nameProblem);
        }
        if (file.isEmpty()) {
            throw ApiException.invalid("file", "is empty");
        }
        UUID id = service.start(bank, file.getOriginalFilename(), file.getContentType(), file.getBytes(),
                Caller.of(authentication).username());
        return ResponseEntity.accepted().location(URI.create("/api/v1/registry/screenings/" + id))
                .body(store.find(id, bank).orElseThrow());
    }

    @Operation(summary = "This bank's recent screening jobs (newest first, at most 50)")
    @GetMapping
    public Map<String, List<ScreeningJob>> recent(Authentication authentication) {
        return Map.of("items", store.recent(bankOf(authentication), 50));
    }

    @Operation(summary = "A screening job's progress and counts; another bank's job is 404")
    @GetMapping("/{id}")
    public ScreeningJob get(@PathVariable UUID id, Authentication authentication) {
        return store.find(id, bankOf(authentication)).orElseThrow(() -> ApiException.notFound("Screening " + id));
    }

    @Operation(summary = "A finished job's results as a download: format=csv (default) or json; outcome=MATCHED, "
            + "CANDIDATES or NO_MATCH to keep one kind")
    @GetMapping("/{id}/results")
    public ResponseEntity<StreamingResponseBody> results(@PathVariable UUID id,
            @RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) Outcome outcome,
            Authentication authentication) {
        ScreeningJob job = store.find(id, bankOf(authentication)).orElseThrow(() -> ApiException.notFound("Screening " + id));
        if (!format.equals("csv") && !format.equals("json")) {
            throw ApiException.invalid("format", "must be csv or json, not '" + format + "'");
        }
        if (job.status() != ScreeningJob.Status.DONE) {
            throw new ApiException(HttpStatus.CONFLICT, "screening-not-done", "status",
                    "Screening " + id + " is " + job.status() + (job.error() == null ? "" : ": " + job.error()))
                    .withProperty("currentState", job.status().name());
        }
        boolean csv = format.equals("csv");
        String file = "screening-" + id + (outcome == null ? "" : "-" + outcome.name().toLowerCase()) + "." + format;
        StreamingResponseBody body = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            if (csv) {
                writer.write("\uFEFFline,reference,credit_code,name,outcome,matched_by,matched_credit_code,registered_name,"
                        + "score,listings,candidates,note\n");
            } else {
                writer.write("[");
            }
            int after = 0;
            boolean first = true;
            while (true) {
                List<ScreeningResult> page = store.results(id, outcome, after, PAGE);
                for (ScreeningResult r : page) {
                    if (csv) {
                        writer.write(csvLine(r));
                    } else {
                        writer.write((first ? "\n" : ",\n") + json.writeValueAsString(r));
                    }
                    first = false;
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.getLast().line();
            }
            writer.write(csv ? "" : "\n]\n");
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(body);
    }

    public record Digest(UUID screening, String month, int watchedFirms, int count, List<DigestEntry> changes) {
    }

    @Operation(summary = "A finished screening kept as a watchlist: the monthly digest of its matched firms' new listings "
            + "and status changes (suspended, restored, revoked) that took effect in month=YYYY-MM; format=json (default) or csv. "
            + "For live webhook deliveries, name the screening as watchScreening in an incentive webhook subscription")
    @GetMapping("/{id}/digest")
    public ResponseEntity<?> digest(@PathVariable UUID id, @RequestParam String month,
            @RequestParam(defaultValue = "json") String format, Authentication authentication) {
        ScreeningJob job = store.find(id, bankOf(authentication)).orElseThrow(() -> ApiException.notFound("Screening " + id));
        java.time.YearMonth ym;
        try {
            ym = java.time.YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.invalid("month", "must be a month written YYYY-MM, not '" + month + "'");
        }
        if (ym.getYear() < 2000) {
            // as every as-of question: no green list predates 2000, and year -999999999 is a probe
            throw ApiException.invalid("month", "must be a month from 2000-01 on");
        }
        if (ym.isAfter(java.time.YearMonth.now(clock))) {
            throw ApiException.invalid("month", "cannot be in the future (this month is " + java.time.YearMonth.now(clock) + ")");
        }
        if (!format.equals("csv") && !format.equals("json")) {
            throw ApiException.invalid("format", "must be csv or json, not '" + format + "'");
        }
        if (job.status() != ScreeningJob.Status.DONE) {
            throw new ApiException(HttpStatus.CONFLICT, "screening-not-done", "status", "Screening " + id + " is "
                    + job.status()).withProperty("currentState", job.status().name());
        }
        var changes = store.digest(id, io.greenportal.platform.web.Times.startOf(ym.atDay(1)),
                io.greenportal.platform.web.Times.startOf(ym.plusMonths(1).atDay(1)));
        String file = "digest-" + id + "-" + ym + "." + format;
        var headers = ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file).build().toString());
        if (format.equals("json")) {
            return headers.contentType(MediaType.APPLICATION_JSON)
                    .body(new Digest(id, ym.toString(), store.watchedFirms(id), changes.size(), changes));
        }
        StringBuilder csv = new StringBuilder("\uFEFFat,change,credit_code,name,listing_id,type,level,certificate_number,"
                + "certificate_number_assigned,previous_status,status,reason,sequence\n");
        for (DigestEntry e : changes) {
            csv.append(String.join(",", Times.text(e.at()), e.change(), cell(e.uscc()), cell(e.name()), e.listingId(),
                    e.type(), e.level(), cell(e.certificateNumber()), Boolean.toString(e.certificateNumberAssigned()),
                    cell(e.previousStatus()), cell(e.status()),
                    cell(e.reason()), Long.toString(e.sequence()))).append('\n');
        }
        return headers.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv.toString());
    }

    static String csvLine(ScreeningResult r) {
        String listings = r.listings() == null ? null : r.listings().stream()
                .map(l -> l.type() + "/" + l.level() + "/" + l.status() + "/" + l.certificateNumber()
                        + (l.certificateNumberAssigned() ? " (registry number)" : ""))
                .collect(Collectors.joining("; "));
        String candidates = r.candidates() == null ? null : r.candidates().stream()
                .map(c -> c.uscc() + " " + c.name() + " " + c.score().toPlainString()).collect(Collectors.joining("; "));
        return String.join(",", Integer.toString(r.line()), cell(r.reference()), cell(r.creditCode()), cell(r.name()),
                r.outcome().name(), cell(r.matchedBy()), cell(r.uscc()), cell(r.registeredName()),
                r.score() == null ? "" : r.score().toPlainString(), cell(listings), cell(candidates), cell(r.note())) + "\n";
    }

    /** A CSV cell, quoted when needed; a leading =, +, - or @ is prefixed with ' so spreadsheets show it as text. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
