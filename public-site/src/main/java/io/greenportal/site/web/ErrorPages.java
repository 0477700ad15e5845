package io.greenportal.site.web;

import jakarta.servlet.http.HttpServletResponse;

import io.greenportal.site.api.ApiRefusal;
import io.greenportal.site.api.ApiUnavailable;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Failures as pages in Chinese, never JSON or a stack trace: 404 for what does not exist, 503 when
 * the public API cannot be asked (with Retry-After), 429 when it says "too many", 400 for a request
 * it refused. Only the 404 may be cached (briefly); the others are no-store, so a passing outage is
 * not remembered by the gateway or browsers.
 */
@ControllerAdvice
public class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler({PageNotFound.class, NoResourceFoundException.class, NoHandlerFoundException.class})
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("page", new PageMeta("页面未找到", "您访问的页面不存在或已被移除。", null));
        return "error/404";
    }

    @ExceptionHandler(ApiUnavailable.class)
    String unavailable(ApiUnavailable e, HttpServletResponse response, Model model) {
        log.warn("public API unavailable: {}", e.getMessage());
        response.setStatus(503);
        response.setHeader("Retry-After", "30");
        CachePolicy.noStore(response);
        model.addAttribute("page", new PageMeta("服务暂时不可用", "数据服务暂时无法访问，请稍后再试。", null));
        return "error/5xx";
    }

    @ExceptionHandler(ApiRefusal.class)
    String refused(ApiRefusal e, HttpServletResponse response, Model model) {
        CachePolicy.noStore(response);
        if (e.status() == 429) {
            return tooMany(e.retryAfterSeconds(), response, model);
        }
        if (e.status() == 404) {
            return notFound(response, model);
        }
        return refusal(response, model, 400, "请求有误", "请求的参数无法识别。", e.fieldNames());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
        return refusal(response, model, 400, "请求有误", "请求的参数无法识别。", java.util.List.of(e.getName()));
    }

    /** A query whose percent-escapes do not spell UTF-8 (%ED%A0%80, %FF): the visitor's link is broken, nothing failed here. */
    @ExceptionHandler(InvalidParameterException.class)
    String undecodable(HttpServletResponse response, Model model) {
        return refusal(response, model, 400, "链接无效", "网址中含有无法识别的字符。请检查链接是否完整，或返回首页重新搜索。",
                null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    String methodNotAllowed(HttpServletResponse response, Model model) {
        return refusal(response, model, 405, "不支持的操作", "此页面不支持该请求方式。", null);
    }

    /** A request the site refuses, as a page: never stored, with the parameters it could not read, if any. */
    private static String refusal(HttpServletResponse response, Model model, int status, String title, String text,
            java.util.List<String> fields) {
        CachePolicy.noStore(response);
        response.setStatus(status);
        model.addAttribute("page", new PageMeta(title, text, null));
        if (fields != null) {
            model.addAttribute("fields", fields);
        }
        return "error/4xx";
    }

    static String tooMany(long retryAfter, HttpServletResponse response, Model model) {
        long seconds = Math.max(1, retryAfter);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        CachePolicy.noStore(response);
        model.addAttribute("page", new PageMeta("请求过于频繁", "请求过于频繁，请稍后再试。", null));
        model.addAttribute("retryAfter", Waiting.describe(seconds));
        return "error/429";
    }
}
