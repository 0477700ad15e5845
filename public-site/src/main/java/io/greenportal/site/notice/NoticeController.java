package io.greenportal.site.notice;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.greenportal.site.api.ApiRefusal;
import io.greenportal.site.api.ApiUnavailable;
import io.greenportal.site.api.Notice;
import io.greenportal.site.api.Notices;
import io.greenportal.site.api.ObjectionReceipt;
import io.greenportal.site.api.PublicApi;
import io.greenportal.site.web.CachePolicy;
import io.greenportal.site.web.DoubleSubmitCsrf;
import io.greenportal.site.web.PageMeta;
import io.greenportal.site.web.PageNotFound;
import io.greenportal.site.web.RequestContext;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Publicity (公示): the notices open for objection with their period and time left, the closed ones
 * with their outcome, and the objection form. The objector's name and contact go to the
 * certification service and are never shown on any page, the acknowledgement included.
 */
@Controller
public class NoticeController {

    static final int PAST_PAGE = 20;

    private final PublicApi api;
    private final DoubleSubmitCsrf csrf;
    private final Countdown countdown;

    public NoticeController(PublicApi api, DoubleSubmitCsrf csrf, Countdown countdown) {
        this.api = api;
        this.csrf = csrf;
        this.countdown = countdown;
    }

    @GetMapping("/publicity")
    public String notices(@RequestParam(name = "page", required = false) String pageParam, Model model) {
        int page = page(pageParam);
        Notices notices = api.notices(page, PAST_PAGE);
        model.addAttribute("notices", notices);
        model.addAttribute("pastPage", page);
        model.addAttribute("pastPages", (notices.past().total() + PAST_PAGE - 1) / PAST_PAGE);
        model.addAttribute("page", new PageMeta("公示", "正在公示的绿色制造名单候选对象、公示期与异议渠道，以及已结束公示的结果。",
                "/publicity"));
        return "notices";
    }

    @GetMapping("/publicity/{id}/objection")
    public String form(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
        Notice notice = notice(id);
        return form(notice, ObjectionForm.empty(), Map.of(), null, model, request, response);
    }

    @PostMapping("/publicity/{id}/objection")
    public String file(@PathVariable String id, @ModelAttribute ObjectionForm form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        CachePolicy.noStore(response);
        Notice notice = notice(id);
        if (!csrf.valid(request)) {
            response.setStatus(403);
            return form(notice, form, Map.of(), ObjectionMessages.EXPIRED, model, request, response);
        }
        if (!notice.pending() || countdown.ended(notice.endsAt())) {
            response.setStatus(409);
            return form(notice, form, Map.of(), ObjectionMessages.CLOSED, model, request, response);
        }
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(400);
            return form(notice, form, problems, "提交的内容不符合要求，请按提示修改后再提交。", model, request, response);
        }
        ObjectionReceipt receipt;
        try {
            receipt = api.fileObjection(notice.applicationId(), form.request(), RequestContext.visitor(request));
        } catch (ApiRefusal refusal) {
            response.setStatus(refusal.status() == 404 ? 404 : refusal.status());
            if (refusal.status() == 429) {
                response.setHeader("Retry-After", Long.toString(Math.max(1, refusal.retryAfterSeconds())));
            }
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            refusal.fieldNames().stream().filter(f -> f.equals("name") || f.equals("contact") || f.equals("content"))
                    .forEach(f -> fields.put(f, ObjectionMessages.field(f)));
            return form(notice, form, fields, ObjectionMessages.refusal(refusal), model, request, response);
        } catch (ApiUnavailable unavailable) {
            response.setStatus(503);
            response.setHeader("Retry-After", "30");
            return form(notice, form, Map.of(), ObjectionMessages.UNAVAILABLE, model, request, response);
        }
        model.addAttribute("notice", notice);
        model.addAttribute("receipt", receipt);
        model.addAttribute("page", new PageMeta("异议已受理", "您的异议已提交，将由省级复核人员核实处理。",
                "/publicity/" + notice.id() + "/objection"));
        return "objection-received";
    }

    private String form(Notice notice, ObjectionForm form, Map<String, String> problems, String message, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        CachePolicy.noStore(response);
        model.addAttribute("notice", notice);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("message", message);
        model.addAttribute("open", notice.pending() && !countdown.ended(notice.endsAt()));
        model.addAttribute("csrfField", DoubleSubmitCsrf.FIELD);
        model.addAttribute("csrfToken", csrf.token(request, response));
        model.addAttribute("page", new PageMeta("对“" + notice.enterpriseName() + "”提出异议",
                "对正在公示的绿色制造名单候选对象提出实名异议。", "/publicity/" + notice.id() + "/objection"));
        return "objection";
    }

    private Notice notice(String id) {
        if (id.length() > 64 || !id.matches("[0-9a-fA-F-]+")) {
            throw new PageNotFound("notice " + id);
        }
        return api.notice(id).orElseThrow(() -> new PageNotFound("notice " + id));
    }

    private static int page(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(10_000, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
