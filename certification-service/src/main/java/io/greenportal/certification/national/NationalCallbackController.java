package io.greenportal.certification.national;

import java.util.Map;

import io.greenportal.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * The national platform's decision callbacks. It holds no portal token: each callback is signed
 * (HMAC-SHA256 of the body, {@link CallbackSignature}); an unsigned or wrongly signed one is 401 and
 * changes nothing. The answer says what became of the decision: APPLIED, HELD (an earlier decision is
 * still to come) or DUPLICATE; a dossier this province never sent is 404.
 */
@RestController
public class NationalCallbackController {

    private final DecisionIntake decisions;
    private final JsonMapper json;
    private final String secret;

    public NationalCallbackController(DecisionIntake decisions, JsonMapper json,
            @Value("${greenportal.national.callback-secret}") String secret) {
        this.decisions = decisions;
        this.json = json;
        this.secret = secret;
    }

    @Operation(summary = "A decision of the national platform on a dossier (signed callback: X-National-Signature)")
    @PostMapping(path = "/api/v1/certification/national/callbacks", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, String> callback(@RequestBody byte[] body,
            @RequestHeader(name = CallbackSignature.HEADER, required = false) String signature) {
        if (!CallbackSignature.valid(secret, body, signature)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "bad-signature", null,
                    "The callback's " + CallbackSignature.HEADER + " does not match its body");
        }
        DecisionEvent decision;
        try {
            decision = json.readValue(body, DecisionEvent.class);
        } catch (RuntimeException e) {
            // the parser's own message names Java types: say which field, as for any request body (web-edge)
            var problem = io.greenportal.platform.web.BodyProblem.of(e);
            throw ApiException.invalid(problem.field() == null ? "body" : problem.field(),
                    problem.field() == null ? "is not a decision" : problem.detail());
        }
        return Map.of("result", decisions.receive(decision, "CALLBACK").name());
    }
}
