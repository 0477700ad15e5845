package io.greenportal.certification.application;

import java.text.Normalizer;
import java.util.Locale;

import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.Transliterator;

/**
 * Which designation a subject of a listing type is: the type with the names that identify it (the
 * site, the park, the product and its model; a supply-chain enterprise is the enterprise itself).
 * Two spellings of one name are one designation: full-width and subscript forms (NFKC), traditional
 * characters, letter case, spaces, invisible or combining characters anywhere in it (which a visible
 * name may carry unnoticed), and letters of other scripts that look alike (Cyrillic С for Latin C:
 * Unicode's confusable skeleton, UTS #39) do not make another one.
 */
public final class Designations {

    private static final ThreadLocal<Transliterator> SIMPLIFIED = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Traditional-Simplified"));
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

    private Designations() {
    }

    public static String key(ListingType type, String siteName, String parkName, String productName, String productModel) {
        String[] names = switch (type) {
            case GREEN_FACTORY -> new String[] {siteName};
            case GREEN_PARK -> new String[] {parkName};
            case GREEN_PRODUCT -> new String[] {productName, productModel};
            case GREEN_SUPPLY_CHAIN -> new String[0];
        };
        StringBuilder key = new StringBuilder(type.name());
        for (String name : names) {
            key.append('|').append(plain(name));
        }
        return key.toString();
    }

    public static String key(ListingType type, Subject subject) {
        return key(type, subject.siteName(), subject.parkName(), subject.productName(), subject.productModel());
    }

    /** The name as compared: NFKC, simplified, lower case, without spaces, control or format characters. */
    static String plain(String name) {
        if (name == null) {
            return "";
        }
        String folded = SIMPLIFIED.get().transliterate(Normalizer.normalize(name, Normalizer.Form.NFKC));
        String skeleton = Normalizer.normalize(CONFUSABLES.getSkeleton(visible(folded).toLowerCase(Locale.ROOT)),
                Normalizer.Form.NFD);
        return visible(skeleton).toLowerCase(Locale.ROOT);
    }

    /** Without spaces, control, format or combining characters. */
    private static String visible(String text) {
        StringBuilder visible = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .filter(c -> switch (Character.getType(c)) {
                    case Character.FORMAT, Character.CONTROL, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> false;
                    default -> true;
                })
                .forEach(visible::appendCodePoint);
        return visible.toString();
    }
}
