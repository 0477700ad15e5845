package io.greenportal.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A caller that accepts only {@code application/problem+json} (some clients send it on every call)
 * gets a successful answer labelled {@code application/json}: the JSON converter would otherwise
 * label it with the media type the caller asked for, and the caller would read a listing as a
 * problem. Problems keep their own type.
 */
@ControllerAdvice
public class SuccessIsNotAProblem implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selected,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(selected)
                && !(body instanceof ProblemDetail || body instanceof ErrorResponse) && succeeded(response)) {
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        }
        return body;
    }

    private static boolean succeeded(ServerHttpResponse response) {
        return !(response instanceof ServletServerHttpResponse servlet) || servlet.getServletResponse().getStatus() < 400;
    }
}
