package io.greenportal.certification.national;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** National recommendation rounds, dossiers and their delivery log (provincial administrators). */
@RestController
@RequestMapping("/api/v1/certification/national")
public class NationalController {

    static final String READERS = "hasAnyRole('admin','reviewer-provincial')";

    private final NationalRoundService rounds;
    private final NationalStore store;
    private final NationalOutboxWorker outbox;
    private final ApplicationEventPublisher events;

    public NationalController(NationalRoundService rounds, NationalStore store, NationalOutboxWorker outbox,
            ApplicationEventPublisher events) {
        this.rounds = rounds;
        this.store = store;
        this.outbox = outbox;
        this.events = events;
    }

    @Operation(summary = "Open a national recommendation round: {name, deadline, quotas: {GREEN_FACTORY: 5, ...}} (administrators)")
    @PostMapping("/rounds")
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<NationalRound> create(@RequestBody RoundRules.RoundRequest request, Authentication authentication) {
        NationalRound round = rounds.create(Caller.of(authentication), request);
        return ResponseEntity.created(URI.create("/api/v1/certification/national/rounds/" + round.id())).body(round);
    }

    @Operation(summary = "The recommendation rounds, newest first")
    @GetMapping("/rounds")
    @PreAuthorize(READERS)
    public Map<String, List<NationalRound>> list() {
        return Map.of("items", rounds.list());
    }

    @Operation(summary = "A round with its dossiers in the province's order")
    @GetMapping("/rounds/{id}")
    @PreAuthorize(READERS)
    public NationalRoundService.Detail get(@PathVariable UUID id) {
        return rounds.detail(id);
    }

    @Operation(summary = "Select the approved listings to recommend, in order: {applicationIds: [...]} (replaces the selection; administrators)")
    @PutMapping("/rounds/{id}/selection")
    @PreAuthorize("hasRole('admin')")
    public NationalRoundService.Detail select(@PathVariable UUID id, @RequestBody RoundRules.SelectionRequest request,
            Authentication authentication) {
        return rounds.select(Caller.of(authentication), id, request);
    }

    @Operation(summary = "Submit the round: its dossiers go to the national platform through the outbox (administrators)")
    @PostMapping("/rounds/{id}/submission")
    @PreAuthorize("hasRole('admin')")
    public NationalRoundService.Detail submit(@PathVariable UUID id, Authentication authentication) {
        return rounds.submit(Caller.of(authentication), id);
    }

    public record DossierDetail(Dossier dossier, NationalStore.OutboxEntry delivery,
            List<NationalStore.Delivery> deliveries, List<NationalStore.Received> decisions) {
    }

    @Operation(summary = "A dossier with its delivery state, delivery log and the decisions received")
    @GetMapping("/dossiers/{id}")
    @PreAuthorize(READERS)
    public DossierDetail dossier(@PathVariable UUID id) {
        Dossier dossier = store.dossier(id).orElseThrow(() -> ApiException.notFound("Dossier " + id));
        return new DossierDetail(dossier, store.outboxOf(id).orElse(null), store.deliveries(id, 200),
                store.decisionsOf(id));
    }

    @Operation(summary = "The delivery log, newest first (?dossierId= for one dossier; administrators)")
    @GetMapping("/deliveries")
    @PreAuthorize("hasRole('admin')")
    public Map<String, List<NationalStore.Delivery>> deliveries(@RequestParam(required = false) UUID dossierId,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.invalid("limit", "must be between 1 and 1000");
        }
        return Map.of("items", store.deliveries(dossierId, limit));
    }

    @Operation(summary = "Send a delivered or refused dossier again, as it was (administrators); the national platform is idempotent by dossier id")
    @PostMapping("/dossiers/{id}/replay")
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<NationalStore.OutboxEntry> replay(@PathVariable UUID id, Authentication authentication) {
        outbox.replay(id, Caller.of(authentication).username(), events);
        return ResponseEntity.accepted().body(store.outboxOf(id).orElseThrow());
    }
}
