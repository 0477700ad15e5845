package io.greenportal.incentive.webhook;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.incentive.bank.Bank;
import io.greenportal.incentive.bank.Banks;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.IdempotencyKeys;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Banks subscribe to listing status changes, read their delivery log and replay from it. Every
 * operation is the calling bank's own: another bank's subscription answers 404.
 */
@RestController
@RequestMapping("/api/v1/incentives/webhook-subscriptions")
@PreAuthorize("hasRole('bank')")
public class SubscriptionController {

    private final SubscriptionService service;
    private final Banks banks;

    public SubscriptionController(SubscriptionService service, Banks banks) {
        this.service = service;
        this.banks = banks;
    }

    @Operation(summary = "Subscribe an https (or loopback http) URL with a secret and an optional watch list: credit codes "
            + "(watchUsccs) or a finished portfolio screening of the bank's (watchScreening: its matched firms) (banks)")
    @PostMapping
    @PreAuthorize("hasRole('bank')")
    public ResponseEntity<Subscription> create(@RequestBody SubscriptionService.Request request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        var created = service.create(banks.of(caller), request, caller.username(), IdempotencyKeys.check(idempotencyKey));
        URI location = URI.create("/api/v1/incentives/webhook-subscriptions/" + created.subscription().id());
        return created.created() ? ResponseEntity.created(location).body(created.subscription())
                : ResponseEntity.ok().location(location).body(created.subscription());
    }

    @Operation(summary = "The calling bank's subscriptions (secrets are never shown)")
    @GetMapping
    @PreAuthorize("hasRole('bank')")
    public List<Subscription> list(Authentication authentication) {
        return service.list(bank(authentication));
    }

    @Operation(summary = "One of the calling bank's subscriptions")
    @GetMapping("/{id}")
    @PreAuthorize("hasRole('bank')")
    public Subscription get(@PathVariable UUID id, Authentication authentication) {
        return service.get(bank(authentication), id);
    }

    @Operation(summary = "Change the URL, secret, watch list (watchUsccs, watchScreening or watchAll), description, "
            + "or pause with active=false")
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('bank')")
    public Subscription update(@PathVariable UUID id, @RequestBody SubscriptionService.Changes changes,
            Authentication authentication) {
        return service.update(bank(authentication), id, changes);
    }

    @Operation(summary = "Delete a subscription and its delivery log")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('bank')")
    public ResponseEntity<Void> delete(@PathVariable UUID id, Authentication authentication) {
        service.delete(bank(authentication), id);
        return ResponseEntity.noContent().build();
    }

    public record DeliveryPage(List<Delivery> items, int page, int size, long total) {
    }

    @Operation(summary = "The delivery log, newest registry change first; state=PENDING|DELIVERED|FAILED")
    @GetMapping("/{id}/deliveries")
    @PreAuthorize("hasRole('bank')")
    public DeliveryPage deliveries(@PathVariable UUID id, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        var result = service.deliveries(bank(authentication), id, state, page, size);
        return new DeliveryPage(result.items(), result.page(), result.size(), result.total());
    }

    @Operation(summary = "One delivery with its exact payload and every attempt")
    @GetMapping("/{id}/deliveries/{deliveryId}")
    @PreAuthorize("hasRole('bank')")
    public Delivery delivery(@PathVariable UUID id, @PathVariable UUID deliveryId, Authentication authentication) {
        return service.delivery(bank(authentication), id, deliveryId);
    }

    @Operation(summary = "Send one delivery again (same event id and body, new timestamp and signature)")
    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    @PreAuthorize("hasRole('bank')")
    public ResponseEntity<Delivery> replay(@PathVariable UUID id, @PathVariable UUID deliveryId,
            Authentication authentication) {
        return ResponseEntity.accepted().body(service.replay(bank(authentication), id, deliveryId));
    }

    @Operation(summary = "Send again every delivery of this subscription from a registry sequence on")
    @PostMapping("/{id}/replay")
    @PreAuthorize("hasRole('bank')")
    public ResponseEntity<Map<String, Object>> replayFrom(@PathVariable UUID id,
            @RequestParam(required = false) Long fromSequence, Authentication authentication) {
        int requeued = service.replayFrom(bank(authentication), id, fromSequence);
        return ResponseEntity.accepted().body(Map.of("requeued", requeued, "fromSequence", fromSequence));
    }

    private Bank bank(Authentication authentication) {
        return banks.of(Caller.of(authentication));
    }
}
