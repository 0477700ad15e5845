package io.greenportal.site.opendata;

import io.greenportal.site.api.PublicApi;
import io.greenportal.site.web.PageMeta;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Open data: what the export's columns mean (the API's own dictionary), the export files, the
 * announcement feeds and the API documentation. The files themselves come straight from the API
 * through the gateway; the site only points at them.
 */
@Controller
public class OpenDataController {

    private final PublicApi api;

    public OpenDataController(PublicApi api) {
        this.api = api;
    }

    @GetMapping("/open-data")
    public String openData(Model model) {
        model.addAttribute("dictionary", api.dictionary());
        model.addAttribute("page", new PageMeta("开放数据",
                "绿色制造名单的开放数据：数据字典、CSV 与 JSON 下载、Atom 与 JSON Feed 公告订阅、接口文档。", "/open-data"));
        return "open-data";
    }
}
