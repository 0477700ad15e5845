package io.greenportal.certification.evaluationbody;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Page;
import io.greenportal.platform.web.Times;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of evaluation bodies: administrators add and edit them and change their status, each
 * change recorded with its reason and actor; a sanction then runs the {@link SanctionListener}s in the
 * same transaction (open applications go back, approved listings get review tasks).
 */
@Service
public class EvaluationBodyService {

    private final EvaluationBodyStore bodies;
    private final List<SanctionListener> sanctionListeners;
    private final Clock clock;

    public EvaluationBodyService(EvaluationBodyStore bodies, List<SanctionListener> sanctionListeners, Clock clock) {
        this.bodies = bodies;
        this.sanctionListeners = sanctionListeners;
        this.clock = clock;
    }

    /** Reacts, inside the sanctioning transaction and with the body locked, to a body being sanctioned. */
    public interface SanctionListener {
        void sanctioned(EvaluationBody body, String reason, Caller actor, OffsetDateTime at);
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationBodyDetail")
    public record Detail(EvaluationBody body, List<EvaluationBodyStore.StatusChange> history) {
    }

    @Transactional
    public EvaluationBody create(Caller caller, BodyRules.BodyRequest request) {
        OffsetDateTime now = Times.now(clock);
        BodyRules.Content c = BodyRules.check(request, now.toLocalDate());
        EvaluationBody body = new EvaluationBody(UUID.randomUUID(), c.name(), c.creditCode(), c.types(),
                c.qualifiedUntil(), c.contact(), c.affiliations(), BodyStatus.ACTIVE, now, now);
        if (!bodies.insert(body, caller.username())) {
            throw existing(c.creditCode());
        }
        bodies.recordStatus(body.id(), null, BodyStatus.ACTIVE, "registered", caller.username(), now);
        return body;
    }

    private ApiException existing(String code) {
        var found = bodies.findByCreditCode(code);
        ApiException conflict = ApiException.conflict("body-exists", "creditCode",
                "An evaluation body with credit code " + code + " is registered already");
        found.ifPresent(b -> conflict.withProperty("bodyId", b.id().toString()));
        return conflict;
    }

    @Transactional
    public EvaluationBody update(Caller caller, UUID id, BodyRules.BodyRequest request) {
        OffsetDateTime now = Times.now(clock);
        BodyRules.Content c = BodyRules.check(request, now.toLocalDate());
        EvaluationBody current = bodies.lock(id).orElseThrow(() -> ApiException.notFound("Evaluation body " + id));
        if (!current.creditCode().equals(c.creditCode())) {
            throw ApiException.invalid("creditCode", "a body keeps its credit code (" + current.creditCode()
                    + "); register a new body for another one");
        }
        bodies.update(id, c, now);
        return bodies.find(id).orElseThrow();
    }

    @Transactional
    public Detail changeStatus(Caller caller, UUID id, BodyRules.StatusRequest request) {
        EvaluationBody current = bodies.lock(id).orElseThrow(() -> ApiException.notFound("Evaluation body " + id));
        BodyStatus to = BodyRules.target(current.status(), request);
        String reason = BodyRules.reason(request.reason());
        OffsetDateTime now = Times.now(clock);
        bodies.setStatus(id, to, now);
        bodies.recordStatus(id, current.status(), to, reason, caller.username(), now);
        if (to == BodyStatus.SANCTIONED) {
            EvaluationBody sanctioned = bodies.find(id).orElseThrow();
            sanctionListeners.forEach(l -> l.sanctioned(sanctioned, reason, caller, now));
        }
        return detail(id);
    }

    public Detail detail(UUID id) {
        EvaluationBody body = bodies.find(id).orElseThrow(() -> ApiException.notFound("Evaluation body " + id));
        return new Detail(body, bodies.history(id));
    }

    public Page<EvaluationBody> list(List<BodyStatus> statuses, int page, int size) {
        List<BodyStatus> wanted = statuses == null || statuses.isEmpty() ? List.of(BodyStatus.values()) : statuses;
        return new Page<>(bodies.list(wanted, page, size), page, size, bodies.count(wanted));
    }

    /**
     * What the public sees: bodies that may be engaged (ACTIVE) and those under sanction (SANCTIONED, with
     * the date and reason), so an enterprise knows whom not to engage. Suspensions are administrative and
     * not shown.
     */
    public record PublicBody(UUID id, String name, String creditCode, List<String> types, LocalDate qualifiedUntil,
            String contact, BodyStatus status, OffsetDateTime sanctionedAt, String sanctionReason) {
    }

    public Page<PublicBody> publicList(int page, int size) {
        List<BodyStatus> shown = List.of(BodyStatus.ACTIVE, BodyStatus.SANCTIONED);
        List<PublicBody> items = bodies.list(shown, page, size).stream().map(b -> {
            var sanction = b.status() == BodyStatus.SANCTIONED ? bodies.latest(b.id(), BodyStatus.SANCTIONED) : null;
            return new PublicBody(b.id(), b.name(), b.creditCode(), b.types().stream().map(Enum::name).toList(),
                    b.qualifiedUntil(), b.contact(), b.status(), sanction == null ? null : sanction.map(s -> s.at()).orElse(null),
                    sanction == null ? null : sanction.map(s -> s.reason()).orElse(null));
        }).toList();
        return new Page<>(items, page, size, bodies.count(shown));
    }
}
