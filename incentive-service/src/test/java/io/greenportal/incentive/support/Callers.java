package io.greenportal.incentive.support;

import java.util.Set;

import io.greenportal.platform.web.Caller;

/**
 * The demo realm's callers (README: ent-a, rev-city, rev-prov, bank-a, ...) as the rules see them,
 * for unit tests: the one place that builds them, so tests hold them with {@code var}.
 */
public final class Callers {

    private Callers() {
    }

    /** ent-a: 宁夏绿源新材料有限公司. */
    public static Caller entA() {
        return new Caller("ent-a", Set.of("enterprise"), "91640100MA76A00010", null, null);
    }

    /** rev-city: 银川市 (640100). */
    public static Caller revCity() {
        return new Caller("rev-city", Set.of("reviewer-municipal"), null, "640100", null);
    }

    public static Caller municipalWithoutCity() {
        return new Caller("rev-nocity", Set.of("reviewer-municipal"), null, null, null);
    }

    public static Caller revProv() {
        return new Caller("rev-prov", Set.of("reviewer-provincial"), null, null, null);
    }

    public static Caller admin() {
        return new Caller("admin", Set.of("admin"), null, null, null);
    }

    /** bank-a: 宁夏银行, bank_id NXBANK. */
    public static Caller bankA() {
        return new Caller("service-account-bank-a", Set.of("bank"), null, null, "NXBANK");
    }

    /** An enterprise account whose token carries no credit code. */
    public static Caller enterpriseWithoutCode() {
        return new Caller("ent-x", Set.of("enterprise"), null, null, null);
    }
}
