package io.greenportal.certification.engagement;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.certification.document.DocumentService;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.BodyProblem;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.PageParameters;
import io.greenportal.platform.web.StrictJson;
import io.greenportal.platform.web.UploadParts;
import io.greenportal.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Engaging an evaluation body: the applicant names it, the body's staff (role evaluator, their token
 * naming the body's credit code) confirm and upload the report; evaluators see only engagements of
 * their body, and applications that name it.
 */
@RestController
@RequestMapping("/api/v1/certification")
public class EngagementController {

    static final String READERS = "hasAnyRole('enterprise','reviewer-municipal','reviewer-provincial','expert','admin','evaluator')";

    private final EngagementService service;
    private final EvaluationCaps caps;
    private final JsonMapper strictJson;

    public EngagementController(EngagementService service, EvaluationCaps caps, JsonMapper jsonMapper) {
        this.strictJson = StrictJson.of(jsonMapper);
        this.service = service;
        this.caps = caps;
    }

    @Operation(summary = "Name the evaluation body of a DRAFT or RETURNED application (the applicant): an ACTIVE body qualified for the type, without conflict of interest")
    @PutMapping("/applications/{id}/engagement")
    @PreAuthorize("hasRole('enterprise')")
    public Engagement name(@PathVariable UUID id, @RequestBody EngagementService.NameRequest request,
            Authentication authentication) {
        return service.name(Caller.of(authentication), id, request);
    }

    @Operation(summary = "The application's engagements (in force, replaced, voided); whoever may see the application")
    @GetMapping("/applications/{id}/engagement")
    @PreAuthorize(READERS)
    public Map<String, List<Engagement>> get(@PathVariable UUID id, Authentication authentication) {
        return Map.of("items", service.ofApplication(Caller.of(authentication), id));
    }

    @Operation(summary = "Confirm the engagement (the named body's evaluators); 409 engagement-cap-reached beyond the batch's cap")
    @PostMapping("/applications/{id}/engagement/confirmation")
    @PreAuthorize("hasRole('evaluator')")
    public Engagement confirm(@PathVariable UUID id, Authentication authentication) {
        return service.confirm(Caller.of(authentication), id);
    }

    @Operation(summary = "Upload the evaluation report (multipart: 'file' a PDF, 'report' JSON {reportNumber, scores: {aspect: 0-100}, totalScore}); the confirmed body's evaluators")
    @PostMapping(path = "/applications/{id}/engagement/report", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('evaluator')")
    public Engagement report(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
            @RequestPart("report") @Parameter(schema = @Schema(implementation = EngagementRules.ReportRequest.class)) byte[] report,
            MultipartRequest parts, Authentication authentication) throws IOException {
        UploadParts.requireOne(parts, "file");
        return service.report(Caller.of(authentication), id,
                new DocumentService.Upload(file.getOriginalFilename(), file.getSize(), file.getInputStream()), reportOf(report));
    }

    /**
     * The report part read as JSON whatever type it declares: {@code curl -F 'report={...}'} and a
     * browser's FormData send a text part with no Content-Type, which Spring would refuse as a 415
     * naming the whole multipart request. Read with the same rules as any JSON body (StrictJson).
     */
    private EngagementRules.ReportRequest reportOf(byte[] json) {
        try {
            return strictJson.readValue(json, EngagementRules.ReportRequest.class);
        } catch (JacksonException e) {
            BodyProblem problem = BodyProblem.of(e);
            throw problem.field() == null
                    ? ApiException.invalid("report", "must be a JSON object {reportNumber, scores: {aspect: 0-100}, totalScore}")
                    : new ApiException(HttpStatus.BAD_REQUEST, problem.type(), problem.field(), problem.detail());
        }
    }

    @Operation(summary = "The evaluator's engagements: those naming their body (default REQUESTED and CONFIRMED)")
    @GetMapping("/engagements")
    @PreAuthorize("hasRole('evaluator')")
    public Page<EngagementStore.Listed> list(@RequestParam(required = false) List<EngagementStatus> status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        PageParameters.check(page, size);
        return service.ofBody(Caller.of(authentication), status, page, size);
    }

    @Operation(summary = "The aspects an evaluation report scores, per listing type (GB/T 36132's seven for factories)")
    @GetMapping("/evaluation-aspects")
    @PreAuthorize(READERS)
    public Map<String, List<String>> aspects() {
        return new java.util.TreeMap<>(EvaluationAspects.BY_TYPE.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue)));
    }

    @Operation(summary = "The cap on engagements one body may confirm in the batch (administrators, reviewer-provincial)")
    @GetMapping("/batches/{batchId}/evaluation-cap")
    @PreAuthorize("hasAnyRole('admin','reviewer-provincial')")
    public EvaluationCaps.Cap cap(@PathVariable UUID batchId) {
        return caps.get(batchId);
    }

    @Operation(summary = "Set the batch's cap on engagements per body (administrators); default 15")
    @PutMapping("/batches/{batchId}/evaluation-cap")
    @PreAuthorize("hasRole('admin')")
    public EvaluationCaps.Cap setCap(@PathVariable UUID batchId, @RequestBody EvaluationCaps.CapRequest request) {
        return caps.set(batchId, request);
    }
}
