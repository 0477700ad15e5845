package io.greenportal.platform.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * Checks the forwarding headers before Spring's {@code ForwardedHeaderFilter} (which it wraps) reads
 * them. That filter turns them into the request's scheme, host, port and context path; a value it
 * cannot use was an empty 400 ({@code X-Forwarded-Prefix: /../x}, {@code Forwarded: host=[::1}) or
 * a 500 ({@code X-Forwarded-Prefix: x} or {@code /a%zz}), and one it could use wrongly ({@code
 * X-Forwarded-Host: a b}) went into the links the service writes. The gateway always sends sane
 * ones (its public origin, no prefix); this answers a caller that reaches a service without it with
 * a 400 problem naming the header.
 */
final class ForwardedHeaderCheck implements Filter {

    private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+;=:@-]+)*/*");
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(:[0-9]{1,5})?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern PROTO = Pattern.compile("https?", Pattern.CASE_INSENSITIVE);

    private final Filter forwardedHeaders;

    ForwardedHeaderCheck(Filter forwardedHeaders) {
        this.forwardedHeaders = forwardedHeaders;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        forwardedHeaders.init(config);
    }

    @Override
    public void destroy() {
        forwardedHeaders.destroy();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response
                && request.getDispatcherType() == DispatcherType.REQUEST) {
            String refused = refusedHeader(request);
            if (refused != null) {
                Problems.write(response, HttpStatus.BAD_REQUEST, "invalid-header", refused, refused
                        + " is not a forwarding address this service can use (scheme http or https, a host name "
                        + "or [IPv6] address with an optional port, a port 1-65535, a prefix of plain path segments)");
                return;
            }
        }
        forwardedHeaders.doFilter(req, res, chain);
    }

    /** The first forwarding header whose value Spring would fail on or misuse, or null. */
    static String refusedHeader(HttpServletRequest request) {
        for (String value : values(request, "X-Forwarded-Prefix")) {
            if (!PREFIX.matcher(value).matches() || value.matches(".*/\\.{1,2}(/.*)?")) {
                return "X-Forwarded-Prefix";
            }
        }
        if (!valid(first(request, "X-Forwarded-Host"), true)) {
            return "X-Forwarded-Host";
        }
        String port = first(request, "X-Forwarded-Port");
        if (port != null && !(PORT.matcher(port).matches() && inRange(port))) {
            return "X-Forwarded-Port";
        }
        String proto = first(request, "X-Forwarded-Proto");
        if (proto != null && !PROTO.matcher(proto).matches()) {
            return "X-Forwarded-Proto";
        }
        String forwarded = first(request, "Forwarded");
        if (forwarded != null) {
            for (String pair : forwarded.split(";")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? "" : pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
                String value = equals < 0 ? "" : unquote(pair.substring(equals + 1).strip());
                if ((name.equals("host") && !valid(value, false)) || (name.equals("proto") && !PROTO.matcher(value).matches())) {
                    return "Forwarded";
                }
            }
        }
        return null;
    }

    private static boolean valid(String host, boolean absentIsValid) {
        if (host == null || host.isEmpty()) {
            return absentIsValid;
        }
        var matcher = HOST.matcher(host);
        return matcher.matches() && (matcher.group(2) == null || inRange(matcher.group(2).substring(1)));
    }

    private static boolean inRange(String port) {
        int number = Integer.parseInt(port);
        return number >= 1 && number <= 65535;
    }

    /** Every comma-separated value of the header, as Spring reads X-Forwarded-Prefix. */
    private static Iterable<String> values(HttpServletRequest request, String name) {
        List<String> all = new ArrayList<>();
        for (var headers = request.getHeaders(name); headers.hasMoreElements();) {
            for (String value : headers.nextElement().split(",")) {
                if (!value.isBlank()) {
                    all.add(value.strip());
                }
            }
        }
        return all;
    }

    /** The first comma-separated value of the header (the one Spring uses), or null when blank or absent. */
    private static String first(HttpServletRequest request, String name) {
        String header = request.getHeader(name);
        if (header == null || header.isBlank()) {
            return null;
        }
        String first = header.split(",", 2)[0].strip();
        return first.isEmpty() ? null : first;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
