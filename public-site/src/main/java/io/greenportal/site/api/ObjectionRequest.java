package io.greenportal.site.api;

/** What the certification service takes: the objector's real name, a contact, and the objection. */
public record ObjectionRequest(String name, String contact, String content) {
}
