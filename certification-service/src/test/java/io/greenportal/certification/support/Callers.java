package io.greenportal.certification.support;

import java.util.Set;

import io.greenportal.platform.web.Caller;

/**
 * The demo realm's callers (README: ent-a, rev-city, rev-prov, expert1, ...) as the rules see them,
 * for unit tests: the one place that builds them, so tests hold them with {@code var}.
 */
public final class Callers {

    public static final String ENT_A = "91640100MA76A00010";
    public static final String ENT_B = "91640200MA76B00020";

    private Callers() {
    }

    public static Caller enterprise(String username, String uscc) {
        return new Caller(username, Set.of(Caller.ENTERPRISE), uscc, null, null);
    }

    /** ent-a: 宁夏绿源新材料有限公司, 银川市金凤区. */
    public static Caller entA() {
        return enterprise("ent-a", ENT_A);
    }

    /** ent-b: 石嘴山塞上精细化工有限公司. */
    public static Caller entB() {
        return enterprise("ent-b", ENT_B);
    }

    public static Caller municipal(String username, String cityCode) {
        return new Caller(username, Set.of(Caller.MUNICIPAL), null, cityCode, null);
    }

    /** rev-city: 银川市 (640100). */
    public static Caller revCity() {
        return municipal("rev-city", "640100");
    }

    /** rev-city2: 石嘴山市 (640200). */
    public static Caller revCity2() {
        return municipal("rev-city2", "640200");
    }

    public static Caller revProv() {
        return new Caller("rev-prov", Set.of(Caller.PROVINCIAL), null, null, null);
    }

    /** Someone holding both reviewer roles, for Yinchuan. */
    public static Caller bothReviewers() {
        return new Caller("rev-both", Set.of(Caller.MUNICIPAL, Caller.PROVINCIAL), null, "640100", null);
    }

    public static Caller expert(String username) {
        return new Caller(username, Set.of(Caller.EXPERT), null, null, null);
    }

    public static Caller admin() {
        return new Caller("admin", Set.of(Caller.ADMIN), null, null, null);
    }

    /** A user holding exactly these realm roles, and no uscc, city or bank. */
    public static Caller withRoles(String username, String... roles) {
        return new Caller(username, Set.of(roles), null, null, null);
    }

    public static Caller system() {
        return Caller.SYSTEM;
    }
}
