package io.greenportal.site.search;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.greenportal.site.api.ApiRefusal;
import io.greenportal.site.api.PublicApi;
import io.greenportal.site.api.SearchResult;
import io.greenportal.site.web.CachePolicy;
import io.greenportal.site.web.ListingTypes;
import io.greenportal.site.web.PageMeta;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public search: a GET form whose every choice is in the address (shareable, and usable
 * without JavaScript), facets with their counts as links, highlighted matches, sort, and paging
 * beyond 10,000 results with the API's cursor.
 */
@Controller
public class SearchController {

    static final List<Option> STATUSES = List.of(new Option("", "有效及限期整改"), new Option("ACTIVE", "有效"),
            new Option("SUSPENDED", "限期整改"), new Option("REVOKED", "已撤销"), new Option("ALL", "全部（含已撤销）"));
    static final List<Option> SORTS = List.of(new Option("", "默认（有关键词时按相关度）"), new Option("relevance", "相关度"),
            new Option("newest", "最新入选"), new Option("oldest", "最早入选"), new Option("name", "名称"));

    public record Option(String value, String label) {
    }

    /** A filter in force, with the link that removes it. */
    public record Chip(String label, String url) {
    }

    private final PublicApi api;

    public SearchController(PublicApi api) {
        this.api = api;
    }

    @GetMapping("/search")
    public String search(@RequestParam Map<String, String> params, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        SearchForm form = SearchForm.of(params);
        model.addAttribute("form", form);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("sorts", SORTS);
        model.addAttribute("page", new PageMeta(form.shownQ() == null ? "名单查询" : "“" + form.shownQ() + "”的查询结果",
                "按类型、级别、状态、地区、行业和年度查询绿色制造名单。", "/search"));
        SearchResult result;
        model.addAttribute("types", ListingTypes.all());
        // a choice given twice (type=A&type=B): which one was meant? Said, not guessed (the API refuses it too)
        List<String> twice = SearchForm.FIELDS.stream()
                .filter(name -> request.getParameterValues(name) != null && request.getParameterValues(name).length > 1)
                .toList();
        if (!twice.isEmpty()) {
            return refused(twice, form, model, response);
        }
        try {
            result = api.search(form.query());
        } catch (ApiRefusal refusal) {
            if (refusal.status() != 400) {
                throw refusal;
            }
            return refused(refusal.fieldNames(), form, model, response);
        }
        model.addAttribute("result", result);
        model.addAttribute("pager", Pager.of(form, result));
        model.addAttribute("chips", chips(form, result));
        options(model, form, result, java.util.Set.of());
        return "search";
    }

    /** A hand-edited or outdated link: say which choice was not understood, keep the form. */
    private String refused(List<String> fields, SearchForm form, Model model, HttpServletResponse response) {
        response.setStatus(400);
        CachePolicy.noStore(response);
        model.addAttribute("invalid", fields.stream().map(SearchController::label).toList());
        model.addAttribute("result", new SearchResult(List.of(), 0, 0, SearchForm.SIZE, null, null, null, null));
        model.addAttribute("pager", new Pager(List.of(), null, null, null));
        model.addAttribute("chips", chips(form, null));
        options(model, form, null, java.util.Set.copyOf(fields));
        return "search";
    }

    static List<Chip> chips(SearchForm form, SearchResult result) {
        List<Chip> chips = new java.util.ArrayList<>();
        if (form.type() != null) {
            chips.add(new Chip("类型：" + ListingTypes.labelOf(form.type()), form.without("type")));
        }
        if (form.level() != null) {
            chips.add(new Chip("级别：" + LEVELS.getOrDefault(form.level(), form.level()), form.without("level")));
        }
        if (form.status() != null) {
            String label = STATUSES.stream().filter(o -> o.value().equals(form.status())).map(Option::label).findFirst()
                    .orElse(form.status());
            chips.add(new Chip("状态：" + label, form.without("status")));
        }
        if (form.region() != null) {
            chips.add(new Chip("地区：" + name(result, "region", form.region()), form.without("region")));
        }
        if (form.industry() != null) {
            chips.add(new Chip("行业：" + name(result, "industry", form.industry()), form.without("industry")));
        }
        if (form.year() != null) {
            chips.add(new Chip("年度：" + form.year(), form.without("year")));
        }
        return chips;
    }

    static final Map<String, String> LEVELS = Map.of("NATIONAL", "国家级", "PROVINCIAL", "省级", "MUNICIPAL", "市级");

    /** The filter's name: as the API names the search's filter, else as a facet, else its code. */
    private static String name(SearchResult result, String filter, String value) {
        if (result == null) {
            return value;
        }
        String named = result.selectedName(filter);
        if (named != null) {
            return named;
        }
        List<SearchResult.Facet> facets = "region".equals(filter) ? result.facets().region() : result.facets().industry();
        return facets.stream().filter(f -> f.value().equals(value)).map(SearchResult.Facet::label).findFirst()
                .orElse(value);
    }

    /**
     * The choices of the region, industry and year lists: the facets with their counts, and the current
     * choice unless the search refused it (year=abc is no year to offer).
     */
    static void options(Model model, SearchForm form, SearchResult result, java.util.Set<String> refused) {
        SearchResult.Facets facets = result == null ? new SearchResult.Facets(null, null, null, null, null, null) : result.facets();
        model.addAttribute("regionOptions", options(facets.region(), refused.contains("region") ? null : form.region(),
                result == null ? null : result.selectedName("region"), ""));
        model.addAttribute("industryOptions", options(facets.industry(), refused.contains("industry") ? null : form.industry(),
                result == null ? null : result.selectedName("industry"), ""));
        model.addAttribute("yearOptions", options(facets.year(), refused.contains("year") ? null : form.year(), null, "年"));
    }

    private static List<Option> options(List<SearchResult.Facet> facets, String selected, String selectedName, String suffix) {
        List<Option> options = new java.util.ArrayList<>();
        if (selected != null && facets.stream().noneMatch(f -> f.value().equals(selected))) {
            options.add(new Option(selected, (selectedName == null ? selected : selectedName) + suffix));
        }
        facets.forEach(f -> options.add(new Option(f.value(), f.label() + suffix + "（" + f.count() + "）")));
        return options;
    }

    /** A search parameter as the page calls it (the API names its parameters in English). */
    static String label(String field) {
        return switch (field) {
            case "q" -> "关键词";
            case "type" -> "类型";
            case "level" -> "级别";
            case "status" -> "状态";
            case "region" -> "地区";
            case "industry" -> "行业";
            case "year" -> "年度";
            case "sort" -> "排序方式";
            case "page", "size" -> "页码";
            case "cursor", "from" -> "翻页位置（请回到第一页）";
            default -> "查询条件";
        };
    }
}
