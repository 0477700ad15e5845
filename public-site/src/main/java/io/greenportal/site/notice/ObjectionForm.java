package io.greenportal.site.notice;

import java.util.LinkedHashMap;
import java.util.Map;

import io.greenportal.site.api.ObjectionRequest;

/**
 * The objection form: the objector's real name, a contact (a phone number or an ID number) and
 * the objection with its grounds. Checked here with the certification service's own rules first,
 * because the service counts every attempt, a mistyped one too, against the visitor's limit.
 */
public record ObjectionForm(String name, String contact, String content) {

    static final int NAME_MIN = 2;
    static final int NAME_MAX = 50;
    static final int CONTACT_MIN = 5;
    static final int CONTACT_MAX = 100;
    static final int CONTENT_MIN = 10;
    // the longest free text the portal takes (web-edge TextRule.FREE_TEXT_MAX), which the service applies
    static final int CONTENT_MAX = 4000;

    public static ObjectionForm empty() {
        return new ObjectionForm("", "", "");
    }

    /** Field → message, in the order of the form; empty when the form may be sent. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        check(problems, "name", name, NAME_MIN, NAME_MAX);
        check(problems, "contact", contact, CONTACT_MIN, CONTACT_MAX);
        String text = content == null ? "" : content.strip();
        if (text.length() < CONTENT_MIN || text.length() > CONTENT_MAX) {
            problems.put("content", ObjectionMessages.field("content"));
        }
        return problems;
    }

    public ObjectionRequest request() {
        return new ObjectionRequest(name.strip(), contact.strip(), content.strip());
    }

    private static void check(Map<String, String> problems, String field, String value, int min, int max) {
        String text = value == null ? "" : value.strip();
        if (text.length() < min || text.length() > max || text.chars().anyMatch(Character::isISOControl)) {
            problems.put(field, ObjectionMessages.field(field));
        }
    }
}
