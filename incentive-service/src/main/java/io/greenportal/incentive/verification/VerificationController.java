package io.greenportal.incentive.verification;

import java.time.LocalDate;
import java.util.List;

import io.greenportal.incentive.bank.Banks;
import io.greenportal.platform.web.Caller;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.security.core.Authentication;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Banks verify a firm's green designations by credit code, one or up to 1,000 at a time. */
@RestController
@RequestMapping("/api/v1/incentives/verifications")
public class VerificationController {

    static final String VERIFIERS = "hasAnyRole('bank','admin')";

    private final VerificationService service;
    private final Banks banks;

    public VerificationController(VerificationService service, Banks banks) {
        this.service = service;
        this.banks = banks;
    }

    /** A bank must be a participating one; administrators verify for support. */
    private void participating(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.has("admin")) {
            banks.of(caller);
        }
    }

    @Operation(summary = "Every listing of one firm with type, level, status and certificate number; asOf=YYYY-MM-DD for a past day (banks)")
    @GetMapping("/{uscc}")
    @PreAuthorize(VERIFIERS)
    public Verification one(@PathVariable String uscc, @RequestParam(required = false) LocalDate asOf,
            Authentication authentication) {
        participating(authentication);
        return service.verifyOne(uscc, asOf);
    }

    public record BatchRequest(List<String> usccs, LocalDate asOf) {
    }

    @Operation(summary = "Up to 1,000 credit codes in one request: one answer per code in order; unknown codes found=false, invalid ones valid=false with the error (banks)")
    @PostMapping("/batch")
    @PreAuthorize(VERIFIERS)
    public Verification.Batch batch(@RequestBody BatchRequest request, Authentication authentication) {
        participating(authentication);
        return service.verify(request.usccs(), request.asOf());
    }
}
