package io.greenportal.publicity.target;

import com.fasterxml.jackson.annotation.JsonAlias;

import io.greenportal.platform.web.FreeText;

/** A target as an administrator sends it (POST and PUT: the whole target). */
public record TargetRequest(@JsonAlias("region") String regionCode, String type, String level, Integer year,
        Integer cumulativeTarget, String sourceDocument, @FreeText(max = 2000) String note) {
}
