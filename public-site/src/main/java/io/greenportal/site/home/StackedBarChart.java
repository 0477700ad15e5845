package io.greenportal.site.home;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.greenportal.site.web.ListingTypes;

/**
 * A horizontal stacked bar chart laid out on the server, drawn by the template as inline SVG: one
 * row per category (a year, a city), one segment per listing type. Horizontal, so that labels stay
 * level and readable on a 360-pixel phone however many rows there are. Coordinates are in the SVG's
 * own units ({@link #WIDTH} wide); the SVG scales to its box.
 */
public record StackedBarChart(List<Row> rows, int height, long max) {

    public static final int WIDTH = 360;
    static final int LABEL = 72;
    static final int TOTAL_ROOM = 40;
    static final int ROW = 24;
    static final int BAR = 16;

    public record Row(String label, long total, int y, int textY, int totalX, List<Segment> segments) {

        public long count(String type) {
            return segments.stream().filter(s -> s.type().equals(type)).mapToLong(Segment::count).sum();
        }
    }

    public record Segment(String type, String name, String cssClass, long count, int x, int width) {
    }

    public int width() {
        return WIDTH;
    }

    public int labelWidth() {
        return LABEL;
    }

    public int barEnd() {
        return WIDTH - TOTAL_ROOM;
    }

    /** {@code counts}: category → type code → count, in the order the rows should appear. */
    public static StackedBarChart of(Map<String, Map<String, Long>> counts) {
        long max = counts.values().stream()
                .mapToLong(byType -> byType.values().stream().mapToLong(Long::longValue).sum())
                .max().orElse(0);
        int span = WIDTH - LABEL - TOTAL_ROOM;
        List<Row> rows = new ArrayList<>();
        int y = 4;
        for (var category : counts.entrySet()) {
            List<Segment> segments = new ArrayList<>();
            long total = 0;
            double x = LABEL;
            for (ListingTypes type : ListingTypes.values()) {
                long count = category.getValue().getOrDefault(type.name(), 0L);
                if (count == 0) {
                    continue;
                }
                double w = max == 0 ? 0 : span * (double) count / max;
                segments.add(new Segment(type.name(), type.label(), type.cssClass(), count, (int) Math.round(x),
                        Math.max(1, (int) Math.round(x + w) - (int) Math.round(x))));
                x += w;
                total += count;
            }
            rows.add(new Row(category.getKey(), total, y, y + BAR - 3, (int) Math.round(x) + 4, segments));
            y += ROW;
        }
        return new StackedBarChart(rows, y + 4 - (ROW - BAR), max);
    }

    /** Adds {@code count} to category × type, keeping the categories' order of first appearance. */
    static void add(Map<String, Map<String, Long>> counts, String category, String type, long count) {
        counts.computeIfAbsent(category, c -> new LinkedHashMap<>()).merge(type, count, Long::sum);
    }
}
