package io.greenportal.platform.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The {@link TextRule} for everything of a request that is not its JSON body: query (and form)
 * parameter names and values, path variables, multipart part names and file names. Runs before the
 * handler's arguments are bound (after {@link AuthorizeBeforeBinding}), so a refused value reaches
 * neither a converter nor a store; the 400 names the parameter.
 */
public class RequestText implements WebMvcConfigurer, HandlerInterceptor {

    private static final org.springframework.core.ParameterNameDiscoverer NAMES =
            new org.springframework.core.DefaultParameterNameDiscoverer();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(1);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        refuseUnreadableContentType(request, method);
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (TextRule.problem(name, TextRule.Kind.LINE, 64) != null) {
                throw ApiException.invalid(TextRule.printable(name, 64),
                        "is not a valid parameter name (at most 64 characters of a single line of text)");
            }
            for (String value : parameter.getValue()) {
                TextRule.line(name, value);
            }
        }
        // a parameter that holds one value, sent twice: which one was meant? Refused rather than guessed
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            parameter.initParameterNameDiscovery(NAMES);
            String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                    : parameter.getParameterName();
            Class<?> type = parameter.getParameterType();
            String[] values = name == null ? null : request.getParameterValues(name);
            if (values != null && values.length > 1 && !type.isArray() && !Collection.class.isAssignableFrom(type)
                    && !Map.class.isAssignableFrom(type) && !org.springframework.web.multipart.MultipartFile.class.isAssignableFrom(type)) {
                throw ApiException.invalid(name, "appears " + values.length + " times; send it once");
            }
            if (values != null && (type.isArray() || Collection.class.isAssignableFrom(type)) && hasEmptyItem(values)) {
                // Spring would bind the empty item as null inside the list
                throw ApiException.invalid(name, "holds an empty value among its values; send each value once, e.g. "
                        + name + "=A&" + name + "=B or " + name + "=A,B");
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> TextRule.line(String.valueOf(name), String.valueOf(value)));
        }
        if (request instanceof MultipartHttpServletRequest multipart) {
            for (Map.Entry<String, java.util.List<MultipartFile>> part : multipart.getMultiFileMap().entrySet()) {
                TextRule.line(TextRule.printable(part.getKey(), 64), part.getKey());
                for (MultipartFile file : part.getValue()) {
                    String problem = TextRule.problem(file.getOriginalFilename(), TextRule.Kind.LINE, 255);
                    if (problem != null) {
                        throw ApiException.invalid(part.getKey(), "the file name " + problem);
                    }
                }
            }
        }
        return true;
    }

    /** A list parameter's items (repeated, or comma-separated in one value); a lone empty value means none. */
    private static boolean hasEmptyItem(String[] values) {
        if (values.length == 1 && values[0].isEmpty()) {
            return false;
        }
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(",", -1))).anyMatch(String::isBlank);
    }

    /**
     * A body the handler reads as JSON, sent with a type that is a pattern ({@code *}{@code /*},
     * {@code text/*}: Spring's body readers assert against it, a 500) or as a form (whose "parameter
     * names" would be refused before the body is ever read), is answered as what it is: 415.
     */
    private static void refuseUnreadableContentType(HttpServletRequest request, HandlerMethod method) {
        String contentType = request.getContentType();
        if (contentType == null || Arrays.stream(method.getMethodParameters())
                .noneMatch(p -> p.hasParameterAnnotation(RequestBody.class))) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return; // Spring answers an unreadable type with 415 itself
        }
        if (type.isWildcardType() || type.isWildcardSubtype()
                || MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Content-Type",
                    "Content type " + TextRule.printable(contentType, 64)
                            + " is not supported here; send the body's own type, e.g. application/json");
        }
    }
}
