package io.greenportal.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request line or header it refuses before any servlet runs: an
 * invalid or too long URI, headers too large, a bad encoding) as the portal's problem details
 * instead of Tomcat's HTML page: every error of every layer is {@code application/problem+json}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        // Tomcat's 501 (a transfer coding, or CONNECT) and 505 (an HTTP version) answer what the
        // client sent: as 4xx, so that they do not count against the service's availability
        boolean connect = "CONNECT".equals(request.getMethod());
        if (status == 501 || status == 505) {
            status = connect ? 405 : 400;
            response.setStatus(status);
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "The request could not be read (its request line, HTTP version, path, query, headers or "
                    + "transfer coding are not valid; send HTTP/1.1 with the body as is or chunked)";
            case 405 -> "CONNECT is not allowed here";
            case 414 -> "The request's URI is longer than the service accepts";
            case 431 -> "The request's headers are larger than the service accepts";
            default -> status >= 500 ? "The service could not complete the request; it has been logged." : title;
        };
        String body = "{\"type\":\"" + Problems.TYPE_BASE + ProblemTypes.slug(HttpStatus.valueOf(status))
                + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response is already committed: nothing more to say
        }
    }
}
