package io.greenportal.certification.national;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.document.Document;
import io.greenportal.certification.document.DocumentStore;
import io.greenportal.certification.engagement.Engagement;
import io.greenportal.certification.engagement.EngagementStore;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the national platform receives for a dossier (schema {@code Dossier} in
 * docs/national-platform.openapi.yaml): the enterprise, the listing, the scores (experts' mean, the
 * evaluation body's per aspect) and references to the reports (document ids and SHA-256), not their bytes.
 */
@Component
public class DossierPayloads {

    private final EngagementStore engagements;
    private final DocumentStore documents;
    private final JsonMapper json;

    public DossierPayloads(EngagementStore engagements, DocumentStore documents, JsonMapper json) {
        this.engagements = engagements;
        this.documents = documents;
        this.json = json;
    }

    public String of(Dossier dossier, NationalRound round, Application a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dossierId", dossier.id().toString());
        p.put("province", "640000");
        p.put("round", round.name());
        p.put("position", dossier.position());
        p.put("type", a.type().name());
        p.put("enterprise", Map.of("uscc", a.uscc(), "name", a.enterpriseName(), "regionCode", a.regionCode(),
                "industryCode", a.industryCode()));
        p.put("subject", a.subject());
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("id", a.listingId().toString());
        listing.put("certificateNumber", a.certificateNumber());
        p.put("listing", listing);
        Map<String, Object> scores = new LinkedHashMap<>();
        scores.put("selfScore", a.selfScore());
        scores.put("expertMean", a.expertMean());
        Engagement e = engagements.current(a.id()).orElse(null);
        if (e != null) {
            scores.put("evaluationTotal", e.totalScore());
            scores.put("evaluationAspects", e.scores());
            p.put("evaluationBody", Map.of("name", e.bodyName(), "creditCode", e.bodyCreditCode(),
                    "reportNumber", e.reportNumber() == null ? "" : e.reportNumber()));
        }
        p.put("scores", scores);
        p.put("indicators", a.indicators());
        List<Map<String, Object>> reports = documents.list(a.id()).stream().map(DossierPayloads::reference).toList();
        p.put("reports", reports);
        return json.writeValueAsString(p);
    }

    private static Map<String, Object> reference(Document d) {
        return Map.of("documentId", d.id().toString(), "kind", d.kind().name(), "fileName", d.fileName(),
                "sha256", d.sha256(), "round", d.round());
    }
}
