package io.greenportal.site.search;

import java.util.ArrayList;
import java.util.List;

import io.greenportal.site.api.SearchResult;

/**
 * The links under a result list: numbered pages inside the API's 10,000-result window (a few around
 * the current one, plus the first and the last), and past the window a "next" link that carries
 * the API's cursor, so a visitor (or a crawler) can go on to the end of any result set.
 */
public record Pager(List<Link> links, String previous, String next, String restart) {

    public record Link(String label, String url, boolean current) {
    }

    public static Pager of(SearchForm form, SearchResult result) {
        long total = result.total();
        int size = SearchForm.SIZE;
        if (form.continued()) {
            String next = result.nextCursor() == null ? null : form.cursorUrl(result.nextCursor(), form.from() + size);
            return new Pager(List.of(), null, next, form.pageUrl(0));
        }
        int pages = (int) Math.min((total + size - 1) / size, SearchForm.LAST_NUMBERED_PAGE + 1);
        int current = form.page();
        List<Link> links = new ArrayList<>();
        int from = Math.max(0, current - 2);
        int to = Math.min(pages - 1, current + 2);
        if (from > 0) {
            links.add(new Link("1", form.pageUrl(0), false));
            if (from > 1) {
                links.add(new Link("…", null, false));
            }
        }
        for (int p = from; p <= to; p++) {
            links.add(new Link(Integer.toString(p + 1), form.pageUrl(p), p == current));
        }
        if (to < pages - 1) {
            if (to < pages - 2) {
                links.add(new Link("…", null, false));
            }
            links.add(new Link(Integer.toString(pages), form.pageUrl(pages - 1), false));
        }
        String previous = current > 0 ? form.pageUrl(current - 1) : null;
        String next = null;
        if (current + 1 < pages) {
            next = form.pageUrl(current + 1);
        } else if (result.nextCursor() != null) {
            next = form.cursorUrl(result.nextCursor(), (long) (current + 1) * size);
        }
        return new Pager(links.size() > 1 ? links : List.of(), previous, next, null);
    }
}
