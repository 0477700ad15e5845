package io.greenportal.site.web;

/** A wait in words a visitor reads at a glance: "约 2 分钟", "30 秒". */
public final class Waiting {

    private Waiting() {
    }

    public static String describe(long seconds) {
        if (seconds < 60) {
            return seconds + " 秒";
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) {
            return "约 " + minutes + " 分钟";
        }
        return "约 " + ((minutes + 59) / 60) + " 小时";
    }
}
