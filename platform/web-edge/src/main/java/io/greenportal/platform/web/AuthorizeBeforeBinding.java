package io.greenportal.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.expression.DefaultHttpSecurityExpressionHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Evaluates an endpoint's {@code @PreAuthorize} role rule before its request body is read, so a
 * caller whose role may never use the endpoint gets 403 whatever it sends, not a 400 about a body
 * it should not have been able to submit. (Method security alone runs after the body is bound.)
 */
public class AuthorizeBeforeBinding implements WebMvcConfigurer, HandlerInterceptor {

    private final DefaultHttpSecurityExpressionHandler expressions = new DefaultHttpSecurityExpressionHandler();
    private final SpelExpressionParser parser = new SpelExpressionParser();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return true;
        }
        var context = expressions.createEvaluationContext(() -> SecurityContextHolder.getContext().getAuthentication(),
                new RequestAuthorizationContext(request));
        if (!Boolean.TRUE.equals(parser.parseExpression(rule.value()).getValue(context, Boolean.class))) {
            throw new AccessDeniedException("Your role does not allow this");
        }
        return true;
    }
}
