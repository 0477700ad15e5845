package io.greenportal.site.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns the API's highlight ({@code 大同<em>冀东水泥</em>有限责任公司}, text HTML-escaped) into markup
 * for the page: the matches in {@code <mark>}, everything else escaped again here, so nothing the
 * API sends can add other markup to the page, whatever it contains.
 */
public final class Highlight {

    private static final Pattern MARK = Pattern.compile("<em>(.*?)</em>", Pattern.DOTALL);

    private Highlight() {
    }

    /** Safe HTML: {@code highlighted} with marks, or {@code plain} escaped when there is no highlight. */
    public static String html(String highlighted, String plain) {
        if (highlighted == null || highlighted.isEmpty()) {
            return plain == null ? "" : HtmlUtils.htmlEscape(plain, "UTF-8");
        }
        StringBuilder html = new StringBuilder();
        Matcher matcher = MARK.matcher(highlighted);
        int last = 0;
        while (matcher.find()) {
            html.append(text(highlighted.substring(last, matcher.start())));
            html.append("<mark>").append(text(matcher.group(1))).append("</mark>");
            last = matcher.end();
        }
        html.append(text(highlighted.substring(last)));
        return html.toString();
    }

    /** The API's escaped text, unescaped and escaped again; any stray tag becomes visible text. */
    private static String text(String escaped) {
        return HtmlUtils.htmlEscape(HtmlUtils.htmlUnescape(escaped), "UTF-8");
    }
}
