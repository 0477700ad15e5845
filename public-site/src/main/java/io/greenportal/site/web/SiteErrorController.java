package io.greenportal.site.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that happen outside a page's controller (a failure while rendering, a rejected request)
 * reach the container's error dispatch: they too are a page in Chinese, whatever the client
 * accepts (Spring Boot's default would answer JSON to a client that does not ask for HTML).
 */
@Controller
public class SiteErrorController implements ErrorController {

    @RequestMapping("/error")
    public String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // /error asked for by a client is no page of the site; only the container's error dispatch is an error
        int status = request.getDispatcherType() != DispatcherType.ERROR ? 404 : code instanceof Integer value ? value : 500;
        response.setStatus(status);
        CachePolicy.noStore(response);
        if (status == 404) {
            model.addAttribute("page", new PageMeta("页面未找到", "您访问的页面不存在或已被移除。", null));
            return "error/404";
        }
        if (status == 429) {
            return ErrorPages.tooMany(60, response, model);
        }
        if (status >= 400 && status < 500) {
            model.addAttribute("page", new PageMeta("请求有误", "请求无法处理。", null));
            return "error/4xx";
        }
        model.addAttribute("page", new PageMeta("服务暂时不可用", "服务暂时无法访问，请稍后再试。", null));
        return "error/5xx";
    }
}
