package io.greenportal.site.notice;

import io.greenportal.site.api.ApiRefusal;
import io.greenportal.site.web.Waiting;

/** What the visitor reads for each refusal the objection intake can give. */
final class ObjectionMessages {

    private ObjectionMessages() {
    }

    static String field(String field) {
        return switch (field) {
            case "name" -> "请填写您的真实姓名（2–50 个字）。";
            case "contact" -> "请填写手机号码或身份证号码（5–100 个字符），以便核实身份和反馈处理结果。";
            case "content" -> "请写明异议的具体内容和理由（10–4000 个字）。";
            default -> "此项填写有误，请检查。";
        };
    }

    /** The message above the form for a refusal of the whole objection. */
    static String refusal(ApiRefusal refusal) {
        return switch (refusal.status()) {
            case 400 -> "提交的内容不符合要求，请按提示修改后再提交。";
            case 404 -> "该公示不存在或已撤下，无法提出异议。";
            case 409 -> "该项目的公示期已结束，不再受理异议。";
            case 413 -> "提交的内容过长，请精简后再提交。";
            case 429 -> "提交过于频繁，已超出同一网络地址的异议受理次数限制。请"
                    + Waiting.describe(Math.max(1, refusal.retryAfterSeconds())) + "后再试。";
            default -> "异议未被受理（代码 " + refusal.status() + "），请检查后再试。";
        };
    }

    static final String UNAVAILABLE = "异议受理系统暂时无法访问，您的异议尚未提交，请稍后再试。";
    static final String EXPIRED = "页面已过期或来源无法确认，您的异议尚未提交。请确认内容后再次提交。";
    static final String CLOSED = "该项目的公示期已结束，不再受理异议。";
}
