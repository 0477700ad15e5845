package io.greenportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

/** {@code /error} answers the container's error dispatch; a client asking for it finds nothing there. */
@Tag("unit")
class ProblemErrorControllerTest {

    final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void aClientAskingForErrorGetsNotFoundNotAnInternalError() {
        var request = new MockHttpServletRequest("GET", "/error");
        var answer = controller.error(request);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getBody().getDetail()).isEqualTo("No such endpoint");
        // the dispatch decides, not the attribute: a plain request carrying one is still no error
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        assertThat(controller.error(request).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theContainersErrorDispatchKeepsItsStatus() {
        var request = new MockHttpServletRequest("GET", "/error");
        request.setDispatcherType(DispatcherType.ERROR);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
        assertThat(controller.error(request).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        var failed = controller.error(request);
        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(failed.getBody().getDetail()).contains("it has been logged");
    }

    @Test
    void anExpectationTomcatRefusedNamesTheExpectHeaderAndThePathAsked() {
        var request = new MockHttpServletRequest("GET", "/error");
        request.setDispatcherType(DispatcherType.ERROR);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 417);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/public/listings");
        var answer = controller.error(request);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.EXPECTATION_FAILED);
        assertThat(answer.getBody().getType().toString()).endsWith("/expectation-failed");
        assertThat(answer.getBody().getProperties()).containsEntry("field", "Expect");
        assertThat(answer.getBody().getInstance()).hasToString("/api/v1/public/listings");
    }
}
