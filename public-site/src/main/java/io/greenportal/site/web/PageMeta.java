package io.greenportal.site.web;

/**
 * A page's title and description for the {@code <head>}: search engines and link previews (Open
 * Graph) use them. {@code path} is the page's canonical path on the public address.
 */
public record PageMeta(String title, String description, String path) {

    public static final String SITE_NAME = "绿色制造公共服务平台";

    public String fullTitle() {
        return title.equals(SITE_NAME) ? title : title + " - " + SITE_NAME;
    }
}
