package io.greenportal.site.home;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import io.greenportal.site.api.Notices;
import io.greenportal.site.api.PublicApi;
import io.greenportal.site.api.SearchQuery;
import io.greenportal.site.api.SearchResult;
import io.greenportal.site.api.Statistics;
import io.greenportal.site.api.Targets;
import io.greenportal.site.web.ListingTypes;
import io.greenportal.site.web.PageMeta;
import io.greenportal.site.web.Parallel;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: how many listings of each type and level, progress against the plan targets, the
 * notices open for objection, the newest listings, and two charts (by year and by city).
 */
@Controller
public class HomeController {

    static final int NEWEST = 6;
    static final int NOTICES = 5;

    private final PublicApi api;

    public HomeController(PublicApi api) {
        this.api = api;
    }

    @GetMapping("/")
    public String home(Model model) {
        CompletableFuture<Statistics> statistics = Parallel.start(api::statistics);
        CompletableFuture<Targets> targets = Parallel.start(api::targets);
        CompletableFuture<Notices> notices = Parallel.start(() -> api.notices(0, 1));
        CompletableFuture<SearchResult> newest = Parallel.start(() -> api.search(SearchQuery.newest(NEWEST)));

        Statistics stats = Parallel.join(statistics);
        model.addAttribute("page", new PageMeta(PageMeta.SITE_NAME,
                "查询绿色工厂、绿色园区、绿色设计产品和绿色供应链管理企业名单，查看公示、规划目标进展与开放数据。", "/"));
        model.addAttribute("stats", stats);
        model.addAttribute("types", ListingTypes.all());
        model.addAttribute("byYear", StackedBarChart.of(byYear(stats.rows())));
        model.addAttribute("byCity", StackedBarChart.of(byCity(stats.rows())));
        model.addAttribute("targets", sorted(Parallel.join(targets)));
        Notices open = Parallel.join(notices);
        model.addAttribute("notices", open.current().stream().limit(NOTICES).toList());
        model.addAttribute("noticeCount", open.current().size());
        model.addAttribute("newest", Parallel.join(newest).items());
        return "home";
    }

    /** Years in ascending order (the way a plan is read), types stacked. */
    static Map<String, Map<String, Long>> byYear(List<Statistics.Row> rows) {
        Map<Integer, Map<String, Long>> years = new TreeMap<>();
        for (Statistics.Row row : rows) {
            years.computeIfAbsent(row.year(), y -> new LinkedHashMap<>()).merge(row.type(), row.count(), Long::sum);
        }
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        years.forEach((year, byType) -> counts.put(year + "年", byType));
        return counts;
    }

    /** Cities with the most listings first. */
    static Map<String, Map<String, Long>> byCity(List<Statistics.Row> rows) {
        Map<String, Map<String, Long>> cities = new LinkedHashMap<>();
        for (Statistics.Row row : rows) {
            String city = row.cityName() == null || row.cityName().isBlank() ? row.cityCode() : row.cityName();
            StackedBarChart.add(cities, city, row.type(), row.count());
        }
        Map<String, Map<String, Long>> ordered = new LinkedHashMap<>();
        cities.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Map<String, Long>> e) ->
                        e.getValue().values().stream().mapToLong(Long::longValue).sum()).reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** Provinces before cities, then by region, type in the portal's order, and year. */
    static Targets sorted(Targets targets) {
        List<Targets.Target> list = targets.targets().stream()
                .sorted(Comparator.comparing((Targets.Target t) -> !t.regionCode().endsWith("0000"))
                        .thenComparing(Targets.Target::regionCode)
                        .thenComparing(t -> typeOrder(t.type()))
                        .thenComparingInt(Targets.Target::year))
                .toList();
        return new Targets(targets.asOf(), targets.progressAvailable(), list);
    }

    private static int typeOrder(String type) {
        for (ListingTypes t : ListingTypes.values()) {
            if (t.name().equals(type)) {
                return t.ordinal();
            }
        }
        return ListingTypes.values().length;
    }
}
