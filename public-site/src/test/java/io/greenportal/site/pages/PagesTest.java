package io.greenportal.site.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import jakarta.servlet.http.Cookie;

import io.greenportal.site.api.ApiRefusal;
import io.greenportal.site.api.PublicApi;
import io.greenportal.site.api.VisitorAddress;
import io.greenportal.site.support.CannedApi;
import io.greenportal.site.support.FakePublicApi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The pages rendered from canned API answers (the site's own API-client interface, faked in
 * process): content, markup rules, cache headers, the objection form's CSRF and refusals, and
 * every failure as a page in Chinese.
 */
@SpringBootTest(properties = "greenportal.site.public-url=https://portal.example.gov.cn")
@AutoConfigureMockMvc
@Import(CannedApi.class)
class PagesTest {

    @Autowired
    MockMvc web;

    @Autowired
    FakePublicApi api;

    @Autowired
    PublicApi used;

    @AfterEach
    void reset() {
        api.down = false;
        api.searchRefusal = null;
        api.objectionRefusal = null;
        api.total = 2;
    }

    String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void thePagesUseTheFake() {
        assertThat(used).isSameAs(api);
    }

    @Test
    void homeShowsCountsTargetsNoticesNewestAndCharts() throws Exception {
        MvcResult result = web.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(header().string("Cache-Control", "public, max-age=60"))
                .andExpect(header().exists("ETag")).andReturn();
        String page = html(result);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\"")
                .contains("<title>绿色制造公共服务平台</title>")
                .contains("<meta name=\"description\"").contains("property=\"og:title\"")
                .contains("<link rel=\"canonical\" href=\"https://portal.example.gov.cn/\">")
                .contains("<a class=\"skip-link\" href=\"#main\">").contains("<main id=\"main\"")
                .contains(">151</span>", "绿色工厂", ">138</span>", "省级")
                // listings of two provinces: the headline says how many are whose
                .containsSubsequence("个对象持有绿色制造称号", "其中", "宁夏回族自治区", "<strong>247</strong> 个", "山西省",
                        "<strong>9</strong> 个")
                // and the charts, which count both, say so
                .contains("各年度入选数量（按类型，含外省名单）", "各市入选数量（按类型，含外省名单）")
                // the province's targets first, its years in order; reached and remaining said in words
                .containsSubsequence("宁夏回族自治区 · 绿色工厂", "2021年累计目标 70 个", "2023年累计目标 100 个", "大同市 · 绿色工厂")
                .contains("尚差 4 个", "，已达成", "<progress")
                .contains("宁夏绿源新材料有限公司", "剩余 2 天 3 小时", "data-ends-at=\"2026-06-03T05:30Z\"")
                .contains("通用硅酸盐<mark>水泥</mark> P·O 42.5").contains("/listings/" + FakePublicApi.CEMENT_ID)
                .contains("<svg role=\"img\"", "<rect class=\"t-factory\"", "2021年", "银川市", "以表格查看数据")
                .doesNotContain("style=\"").doesNotContain("<script>");
        String etag = result.getResponse().getHeader("ETag");
        web.perform(get("/").header("If-None-Match", etag)).andExpect(status().isNotModified());
    }

    @Test
    void everyAnswerCarriesAStrictContentSecurityPolicy() throws Exception {
        web.perform(get("/")).andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("default-src 'none'"),
                        org.hamcrest.Matchers.containsString("script-src 'self';"),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline")),
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void searchHighlightsMatchesAndEscapesEverythingElse() throws Exception {
        String page = html(web.perform(get("/search").param("q", "水泥").param("type", "GREEN_PRODUCT"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("通用硅酸盐<mark>水泥</mark> P·O 42.5")
                .contains("大同&lt;script&gt;alert(1)&lt;/script&gt;冀东<mark>水泥</mark>有限责任公司")
                .doesNotContain("<script>alert(1)")
                .contains("共找到 <strong>2</strong> 条")
                .contains("类型：绿色设计产品")
                // facet links keep the search and add one choice
                .contains("href=\"/search?q=%E6%B0%B4%E6%B3%A5&amp;type=GREEN_PRODUCT&amp;region=640100\"")
                .contains("非金属矿物制品业（2）")
                // the status facet: a suspended listing is counted and can be chosen
                .contains("限期整改（1）")
                .contains("href=\"/search?q=%E6%B0%B4%E6%B3%A5&amp;type=GREEN_PRODUCT&amp;status=SUSPENDED\"");
        assertThat(api.searches.getLast().q()).isEqualTo("水泥");
        assertThat(api.searches.getLast().type()).isEqualTo("GREEN_PRODUCT");
    }

    @Test
    void aProvinceOrCityFilterIsShownByItsNameNotItsCode() throws Exception {
        // the facets count the cities of the province (or the counties of a city): the filter's own
        // name comes from the API's answer
        String page = html(web.perform(get("/search").param("region", "640000")).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("地区：宁夏回族自治区").contains(">宁夏回族自治区</option>")
                .doesNotContain("地区：640000");
    }

    @Test
    void pagingGoesPastTenThousandResultsWithTheApisCursor() throws Exception {
        api.total = 25_000;
        String last = html(web.perform(get("/search").param("q", "水泥").param("page", "499")).andReturn());
        assertThat(last).contains("第\n        <span>9981</span>").contains("cursor=cursor-after-499").contains("from=10000");
        String beyond = html(web.perform(get("/search").param("q", "水泥").param("cursor", "cursor-after-499")
                .param("from", "10000")).andExpect(status().isOk()).andReturn());
        assertThat(beyond).contains("<span>10001</span>").contains("回到第一页").contains("from=10020");
        assertThat(api.searches.getLast().cursor()).isEqualTo("cursor-after-499");
        // a page number beyond the window is held at its last page, never sent to the API
        web.perform(get("/search").param("page", "9999")).andExpect(status().isOk());
        assertThat(api.searches.getLast().page()).isEqualTo(499);
    }

    @Test
    void aPagePastTheResultsSaysSoAndLeadsBackToTheFirst() throws Exception {
        String past = html(web.perform(get("/search").param("q", "水泥").param("page", "99")).andExpect(status().isOk()).andReturn());
        assertThat(past).contains("共找到 <strong>2</strong> 条").doesNotContain("当前显示第").contains("这一页已超出结果范围");
        String notices = html(web.perform(get("/publicity").param("page", "1")).andExpect(status().isOk()).andReturn());
        assertThat(notices).doesNotContain("暂无已结束的公示").contains("这一页已超出已结束公示的范围");
    }

    @Test
    void aFilterTheApiRefusesIsNamedOnTheSearchPage() throws Exception {
        api.searchRefusal = new ApiRefusal(400, "invalid-field", "year", Map.of("year", "must be a year"), 0);
        String page = html(web.perform(get("/search").param("year", "abc")).andExpect(status().isBadRequest())
                .andExpect(header().string("Cache-Control", "no-store")).andReturn());
        assertThat(page).contains("查询条件无法识别").contains("年度");
        assertThat(page).as("a refused year is no choice to offer").doesNotContain("<option value=\"abc\"").doesNotContain("abc年");
        api.searchRefusal = new ApiRefusal(400, "invalid-field", "q", Map.of("q", "must be at most 100 characters"), 0);
        assertThat(html(web.perform(get("/search").param("q", "水".repeat(101))).andExpect(status().isBadRequest()).andReturn()))
                .as("the parameter as the page calls it, not the API's name").contains("请修改后重试：<span>关键词</span>");

        // a choice given twice is named too, not silently narrowed to the first
        api.searchRefusal = null;
        int asked = api.searches.size();
        String twice = html(web.perform(get("/search").param("type", "GREEN_FACTORY", "GREEN_PARK"))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(twice).contains("查询条件无法识别").contains("请修改后重试：<span>类型</span>");
        assertThat(api.searches).as("the API was not asked").hasSize(asked);
    }

    @Test
    void invisibleFormatCharactersOfTheWordsNeverReachTheTitleOrTheBox() throws Exception {
        // U+202E (right-to-left override) would show the tab's title and share cards reversed
        String page = html(web.perform(get("/search").param("q", "\u202E司公限有")).andReturn());
        assertThat(page).doesNotContain("\u202E").contains("“司公限有”的查询结果");
    }

    @Test
    void aListingShowsItsCertificateSubjectAndStatusHistory() throws Exception {
        String page = html(web.perform(get("/listings/" + FakePublicApi.CEMENT_ID)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("<h1>通用硅酸盐水泥 P·O 42.5</h1>")
                .contains("<dt>证书编号</dt>").contains("id=\"certificate-number\">GD-640100-2024-0001<")
                .doesNotContain("平台编号")
                .contains("宁夏明珠水泥有限公司", "91640105MA70001213", "西夏区", "非金属矿物制品业（C30）", "P·O 42.5")
                .contains("2024年12月31日").contains("授予市级绿色设计产品称号（2024年度第1批）")
                .contains("单位产品综合能耗").contains("<link rel=\"canonical\" href=\"https://portal.example.gov.cn/listings/");
        // the verification QR code leads to this page at the public address
        assertThat(page).contains("<section id=\"verification\"").contains("<svg")
                .contains("href=\"https://portal.example.gov.cn/listings/" + FakePublicApi.CEMENT_ID + "\"");
        String revoked = html(web.perform(get("/listings/" + FakePublicApi.REVOKED_ID)).andExpect(status().isOk()).andReturn());
        // revoked at 00:30 Beijing time on 2 March (16:30 UTC on the 1st): dated the 2nd
        assertThat(revoked).contains("该称号已撤销</strong>（<span>2026年3月2日</span>）")
                .contains("<time datetime=\"2026-03-02\">2026年3月2日</time>").contains("发生较大环境污染事件")
                .contains("撤销称号")
                .doesNotContain("<script>alert(1)");
        // its list gives no number: the registry's own is not passed off as a certificate
        assertThat(revoked).contains("<dt>平台编号</dt>").contains("id=\"certificate-number\">GF-640000-2021-0007<")
                .contains("名单未载明证书编号，此为本平台编配的编号").doesNotContain("<dt>证书编号</dt>");
        // its list gives only a year: no grant date is made up, the history names the year
        assertThat(revoked).contains("<dt>授予日期</dt><dd><span class=\"muted\">名单未载明</span></dd>")
                .containsPattern("<span>2021年度</span>\\s*<strong>授予省级绿色工厂称号（2021年度第1批）</strong>")
                .doesNotContain("2021年12月31日");
    }

    @Test
    void anUnknownOrMalformedListingIsAChinese404Page() throws Exception {
        int before = api.searches.size();
        assertThat(html(web.perform(get("/listings/00000000-0000-0000-0000-000000000000")).andExpect(status().isNotFound())
                .andReturn())).contains("页面未找到").contains("lang=\"zh-CN\"");
        web.perform(get("/listings/not-an-id")).andExpect(status().isNotFound());
        // the container's error path asked for by a client: no page, and no failure to report
        assertThat(html(web.perform(get("/error")).andExpect(status().isNotFound()).andReturn())).contains("页面未找到");
        assertThat(html(web.perform(get("/no/such/page").header("Accept", "application/json"))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith("text/html")).andReturn()))
                .contains("页面未找到");
        assertThat(api.searches).hasSize(before);
    }

    @Test
    void anApiOutageIsAChinese503PageThatIsNotCached() throws Exception {
        api.down = true;
        for (String path : new String[] {"/", "/search", "/publicity", "/open-data", "/listings/" + FakePublicApi.CEMENT_ID}) {
            String page = html(web.perform(get(path)).andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "30")).andExpect(header().string("Cache-Control", "no-store"))
                    .andExpect(header().doesNotExist("ETag")).andReturn());
            assertThat(page).as(path).contains("服务暂时不可用").doesNotContain("Exception");
        }
    }

    @Test
    void publicityListsOpenNoticesWithTimeLeftAndClosedOnesWithTheirOutcome() throws Exception {
        String page = html(web.perform(get("/publicity")).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("<h1>公示</h1>").contains("宁东生产基地").contains("剩余 2 天 3 小时")
                .contains("2026年5月30日 07:00").contains("2026年6月3日 13:30")
                .contains("<time datetime=\"2026-06-03T13:30:00+08:00\">")
                .contains("/publicity/" + FakePublicApi.OPEN_NOTICE + "/objection")
                .contains("公示期满，已列入名单").contains(">GS-640000-2026-0001</a>")
                .contains("正在受理的申报批次").contains("绿色工厂、绿色园区");
    }

    @Test
    void theObjectionFormCarriesACsrfTokenAndIsNeverCached() throws Exception {
        MvcResult form = web.perform(get("/publicity/" + FakePublicApi.OPEN_NOTICE + "/objection"))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().doesNotExist("ETag")).andReturn();
        Cookie cookie = form.getResponse().getCookie("gp_site_csrf");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(form.getResponse().getHeader("Set-Cookie")).contains("SameSite=Strict").contains("Path=/publicity");
        assertThat(html(form)).contains("name=\"_csrf\" value=\"" + cookie.getValue() + "\"")
                .contains("<label for=\"name\">").contains("<label for=\"contact\">").contains("<label for=\"content\">");
    }

    @Test
    void overHttpsTheTokenIsAHostCookieThatNoSubDomainCanPlant() throws Exception {
        MvcResult form = web.perform(get("/publicity/" + FakePublicApi.OPEN_NOTICE + "/objection")
                .header("X-Forwarded-Proto", "https")).andExpect(status().isOk()).andReturn();
        assertThat(form.getResponse().getCookie("gp_site_csrf")).isNull();
        Cookie cookie = form.getResponse().getCookie("__Host-gp_site_csrf");
        assertThat(cookie).isNotNull();
        assertThat(form.getResponse().getHeader("Set-Cookie")).contains("Path=/;").contains("Secure").contains("HttpOnly")
                .contains("SameSite=Strict").doesNotContain("Domain");
        // over HTTPS a token in the plain cookie (which a sibling sub-domain could set) does not count
        int before = api.objections.size();
        String token = "D".repeat(43);
        web.perform(post("/publicity/" + FakePublicApi.OPEN_NOTICE + "/objection").header("X-Forwarded-Proto", "https")
                        .cookie(new Cookie("gp_site_csrf", token)).param("_csrf", token).param("name", "张三")
                        .param("contact", "13900000000").param("content", "该企业去年曾被环保部门通报，请核实。"))
                .andExpect(status().isForbidden());
        assertThat(api.objections).hasSize(before);
        web.perform(post("/publicity/" + FakePublicApi.OPEN_NOTICE + "/objection").header("X-Forwarded-Proto", "https")
                        .cookie(new Cookie("__Host-gp_site_csrf", token)).param("_csrf", token).param("name", "张三")
                        .param("contact", "13900000000").param("content", "该企业去年曾被环保部门通报，请核实。"))
                .andExpect(status().isOk());
        assertThat(api.objections).hasSize(before + 1);
    }

    @Test
    void anObjectionIsFiledForTheVisitorsAddressAndAcknowledgedWithoutTheirIdentity() throws Exception {
        String token = "A".repeat(43);
        String page = html(web.perform(post("/publicity/" + FakePublicApi.OPEN_NOTICE + "/objection")
                        .cookie(new Cookie("gp_site_csrf", token)).header("X-Client-Address", "203.0.113.7")
                        .header("X-Client-Address-Seal", "c2VhbGVkLWJ5LXRoZS1nYXRld2F5")
                        .param("_csrf", token).param("name", "张三").param("contact", "13900000000")
                        .param("content", "该企业去年曾被环保部门通报，请核实。"))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store")).andReturn());
        assertThat(page).contains("<h1>异议已受理</h1>").contains("受理编号").contains("宁夏绿源新材料有限公司")
                .doesNotContain("张三").doesNotContain("13900000000");
        // passed on as the gateway stamped it: the certification service checks the seal
        assertThat(api.objectionClients.getLast()).isEqualTo(new VisitorAddress("203.0.113.7", "c2VhbGVkLWJ5LXRoZS1nYXRld2F5"));
        assertThat(api.objections.getLast().name()).isEqualTo("张三");
    }

    @Test
    void anObjectionWithoutTheMatchingTokenIsRefusedAndNotSent() throws Exception {
        int before = api.objections.size();
        web.perform(post("/publicity/" + FakePublicApi.OPEN_NOTICE + "/objection")
                        .param("_csrf", "A".repeat(43)).param("name", "张三").param("contact", "13900000000")
                        .param("content", "该企业去年曾被环保部门通报，请核实。"))
                .andExpect(status().isForbidden());
        String token = "B".repeat(43);
        web.perform(post("/publicity/" + FakePublicApi.OPEN_NOTICE + "/objection").cookie(new Cookie("gp_site_csrf", token))
                        .header("Sec-Fetch-Site", "cross-site").param("_csrf", token).param("name", "张三")
                        .param("contact", "13900000000").param("content", "该企业去年曾被环保部门通报，请核实。"))
                .andExpect(status().isForbidden());
        assertThat(api.objections).hasSize(before);
    }

    @Test
    void anObjectionLongerThanTheServiceTakesIsStoppedHereWithTheServicesLimit() throws Exception {
        int before = api.objections.size();
        String token = "E".repeat(43);
        String page = html(web.perform(post("/publicity/" + FakePublicApi.OPEN_NOTICE + "/objection")
                        .cookie(new Cookie("gp_site_csrf", token)).param("_csrf", token).param("name", "王五")
                        .param("contact", "13700003333").param("content", "该企业申报数据与实际不符。".repeat(375)))
                .andExpect(status().isBadRequest()).andReturn());
        // the certification service takes at most 4,000 characters of free text: the page says so
        assertThat(page).contains("10–4000 个字").contains("maxlength=\"4000\"").doesNotContain("5000");
        assertThat(api.objections).hasSize(before);
    }

    @Test
    void aMistypedObjectionIsExplainedFieldByFieldWithoutSpendingTheVisitorsLimit() throws Exception {
        int before = api.objections.size();
        String token = "C".repeat(43);
        String page = html(web.perform(post("/publicity/" + FakePublicApi.OPEN_NOTICE + "/objection")
                        .cookie(new Cookie("gp_site_csrf", token)).param("_csrf", token)
                        .param("name", "张").param("contact", "139").param("content", "太短"))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(page).contains("请填写您的真实姓名").contains("请填写手机号码或身份证号码").contains("请写明异议的具体内容和理由")
                .contains("aria-invalid=\"true\"").contains("href=\"#name\"");
        assertThat(api.objections).hasSize(before);
    }

    @Test
    void eachRefusalOfTheIntakeHasItsOwnMessage() throws Exception {
        Map<ApiRefusal, String> refusals = Map.of(
                new ApiRefusal(409, "not-in-publicity", "ended", Map.of(), 0), "公示期已结束，不再受理异议",
                new ApiRefusal(429, "rate-limited", "too many", Map.of(), 300), "约 5 分钟后再试",
                new ApiRefusal(404, "not-found", "gone", Map.of(), 0), "该公示不存在或已撤下",
                new ApiRefusal(400, "invalid-field", "bad", Map.of("contact", "is required"), 0), "请填写手机号码或身份证号码");
        String token = "D".repeat(43);
        for (var refusal : refusals.entrySet()) {
            api.objectionRefusal = refusal.getKey();
            MvcResult result = web.perform(post("/publicity/" + FakePublicApi.OPEN_NOTICE + "/objection")
                            .cookie(new Cookie("gp_site_csrf", token)).param("_csrf", token).param("name", "张三")
                            .param("contact", "13900000000").param("content", "该企业去年曾被环保部门通报，请核实。"))
                    .andReturn();
            assertThat(result.getResponse().getStatus()).isEqualTo(refusal.getKey().status());
            assertThat(html(result)).as(refusal.getKey().problem()).contains(refusal.getValue());
            if (refusal.getKey().status() == 429) {
                assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("300");
            }
        }
        api.objectionRefusal = null;
        api.down = true;
        web.perform(get("/publicity/" + FakePublicApi.OPEN_NOTICE + "/objection")).andExpect(status().isServiceUnavailable());
    }

    @Test
    void aClosedNoticeTakesNoObjection() throws Exception {
        String page = html(web.perform(get("/publicity/" + FakePublicApi.CLOSED_NOTICE + "/objection"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("公示期已结束").doesNotContain("<form method=\"post\"");
    }

    @Test
    void openDataShowsTheDictionaryExportsFeedsAndTheApiDocumentation() throws Exception {
        String page = html(web.perform(get("/open-data")).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("certificate_number", "证书编号", "/api/v1/public/export.csv", "/api/v1/public/export.json",
                "/api/v1/public/feed.atom", "/api/v1/public/feed.json", "/swagger-ui.html");
        // the dictionary in Chinese where the API gives it, its English only where it gives nothing else
        assertThat(page).contains("证书编号，在登记簿中唯一").doesNotContain("Certificate number, unique in the registry");
    }

    @Test
    void sitemapsAndRobotsNameThePagesAndEveryListing() throws Exception {
        String index = web.perform(get("/sitemap.xml")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=3600, public")).andReturn().getResponse().getContentAsString();
        assertThat(index).contains("<sitemapindex").contains("https://portal.example.gov.cn/sitemaps/pages.xml")
                .contains("https://portal.example.gov.cn/sitemaps/listings-2021.xml")
                .contains("https://portal.example.gov.cn/sitemaps/listings-2024.xml");
        String year = web.perform(get("/sitemaps/listings-2024.xml")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(year).contains("<loc>https://portal.example.gov.cn/listings/" + FakePublicApi.CEMENT_ID + "</loc>")
                .contains("<lastmod>2024-12-31</lastmod>");
        assertThat(api.searches.getLast().status()).isEqualTo("ALL");
        web.perform(get("/sitemaps/listings-abc.xml")).andExpect(status().isNotFound());
        // a year with no listings: the 404 is the Chinese page, labelled as the HTML it is (not as XML)
        api.total = 0;
        web.perform(get("/sitemaps/listings-1800.xml")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(org.springframework.http.MediaType.TEXT_HTML));
        String robots = web.perform(get("/robots.txt")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(robots).contains("Sitemap: https://portal.example.gov.cn/sitemap.xml").contains("Disallow: /publicity/*/objection");
    }

    @Test
    void assetsHaveContentHashedNamesCachedForAYear() throws Exception {
        String page = html(web.perform(get("/")).andReturn());
        java.util.regex.Matcher css = java.util.regex.Pattern.compile("href=\"(/assets/site-[0-9a-f]{32}\\.css)\"").matcher(page);
        assertThat(css.find()).as("hashed stylesheet link").isTrue();
        assertThat(page).containsPattern("src=\"/assets/site-[0-9a-f]{32}\\.js\" defer");
        web.perform(get(css.group(1))).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=31536000")))
                .andExpect(header().exists("Last-Modified"));
    }
}
