package io.greenportal.contracts.registry.v1;

import java.util.ArrayList;
import java.util.List;

/**
 * Which parts of a listing's subject ({@code Subject} in registry.proto) a listing type may carry, as
 * the registry accepts them; certification checks an application's draft by the same rule. A green
 * factory names its site; a supply-chain enterprise nothing but the enterprise; a park its park name;
 * a product its name, model and category. Each text at most {@link #MAX_TEXT} characters. (Which
 * parts are required, and when, is each service's own: a draft may still lack them.)
 */
public final class ListingSubjects {

    public static final int MAX_TEXT = 200;

    /** A subject as a service holds it: its record implements this. */
    public interface Parts {
        String siteName();

        String parkName();

        String productName();

        String productModel();

        String productCategory();

        String evaluationStandard();
    }

    private ListingSubjects() {
    }

    /** The problems of {@code subject} (trimmed already) for a listing of {@code type} (a ListingType name). */
    public static List<ContentProblem> problems(String type, Parts subject) {
        List<ContentProblem> problems = new ArrayList<>();
        for (String field : notApplicable(type)) {
            String value = switch (field) {
                case "siteName" -> subject.siteName();
                case "parkName" -> subject.parkName();
                case "productName" -> subject.productName();
                case "productModel" -> subject.productModel();
                default -> subject.productCategory();
            };
            if (value != null) {
                problems.add(new ContentProblem("subject." + field, "does not apply to " + type));
            }
        }
        String[][] texts = {{"siteName", subject.siteName()}, {"parkName", subject.parkName()},
                {"productName", subject.productName()}, {"productModel", subject.productModel()},
                {"productCategory", subject.productCategory()}, {"evaluationStandard", subject.evaluationStandard()}};
        for (String[] text : texts) {
            if (text[1] != null && text[1].length() > MAX_TEXT) {
                problems.add(new ContentProblem("subject." + text[0], "must be at most " + MAX_TEXT + " characters"));
            }
        }
        return problems;
    }

    /** The parts a listing of {@code type} may not carry. */
    public static List<String> notApplicable(String type) {
        return switch (type) {
            case "GREEN_FACTORY" -> List.of("parkName", "productName", "productModel", "productCategory");
            case "GREEN_SUPPLY_CHAIN" -> List.of("parkName", "productName", "productModel", "productCategory", "siteName");
            case "GREEN_PARK" -> List.of("siteName", "productName", "productModel", "productCategory");
            case "GREEN_PRODUCT" -> List.of("siteName", "parkName");
            default -> List.of();
        };
    }
}
