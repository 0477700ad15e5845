package io.greenportal.gateway.web;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;

import reactor.core.publisher.Mono;

/**
 * The gateway's one page, at /account (the address space's root belongs to the public site): who
 * is logged in (browser SSO), with links to log in, to the API documentation and the public site,
 * and a logout button (a POST with the CSRF token, ending the Keycloak session).
 */
@RestController
public class HomeController {

    @GetMapping(path = "/account", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<String> home(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange) {
        Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return csrf.map(token -> page(user, token)).defaultIfEmpty(page(user, null));
    }

    private static String page(OidcUser user, CsrfToken csrf) {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
                <title>登录状态 - 绿色制造公共服务平台</title></head><body>
                <h1>绿色制造公共服务平台</h1>
                """);
        if (user == null) {
            html.append("<p id=\"status\">未登录</p>")
                    .append("<p><a id=\"login\" href=\"/oauth2/authorization/keycloak\">登录</a>（企业、审核、评审与管理人员）</p>");
        } else {
            html.append("<p id=\"status\">已登录：<span id=\"user\">")
                    .append(HtmlUtils.htmlEscape(user.getPreferredUsername() == null ? user.getName() : user.getPreferredUsername()))
                    .append("</span></p>");
            if (csrf != null) {
                html.append("<form id=\"logout\" method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"")
                        .append(HtmlUtils.htmlEscape(csrf.getParameterName())).append("\" value=\"")
                        .append(HtmlUtils.htmlEscape(csrf.getToken()))
                        .append("\"><button id=\"logout-button\" type=\"submit\">退出登录</button></form>");
            }
        }
        html.append("<p><a href=\"/\">返回公开网站</a> · <a href=\"/swagger-ui.html\">接口文档</a></p></body></html>");
        return html.toString();
    }
}
