package io.greenportal.platform.web;

import java.util.Collection;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
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
}
