package io.greenportal.registry.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the registered enterprises a name may mean. Every name an enterprise bears or bore is
 * indexed by its core ({@link CompanyNames#core}); a name whose core equals a registered core scores
 * 1.0 (0.93 when only the legal form or region differed, so that an exact spelling wins); otherwise enterprises sharing a character
 * pair with it are scored by the mean of the Dice coefficient of their character pairs and one
 * minus the edit distance over the longer length. A name is matched when its best score is at
 * least {@link #MATCH} and no other enterprise comes within {@link #MARGIN}; the others are
 * candidates from {@link #CANDIDATE} on.
 */
public final class NameMatcher {

    public static final double MATCH = 0.9;
    public static final double MARGIN = 0.05;
    public static final double CANDIDATE = 0.6;
    public static final int MAX_CANDIDATES = 5;

    /** A registered name: the enterprise's credit code and the name as registered. */
    public record Registered(String uscc, String name) {
    }

    public record Scored(String uscc, String name, double score) {
    }

    /** {@code matched} when one enterprise was found; {@code candidates} best first (the match included). */
    public record Result(Scored matched, List<Scored> candidates) {
    }

    private record Entry(String uscc, String name, String plain, String core, Set<String> regions) {
    }

    private final CompanyNames names;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, List<Entry>> byCore = new HashMap<>();
    private final Map<String, List<Entry>> byPair = new HashMap<>();

    public NameMatcher(CompanyNames names, List<Registered> registered) {
        this.names = names;
        for (Registered r : registered) {
            var parsed = names.parse(r.name());
            Entry e = new Entry(r.uscc(), r.name(), parsed.plain(), parsed.core(), parsed.regions());
            entries.add(e);
            byCore.computeIfAbsent(e.core(), k -> new ArrayList<>()).add(e);
            for (String pair : pairs(e.core())) {
                byPair.computeIfAbsent(pair, k -> new ArrayList<>()).add(e);
            }
        }
    }

    /** Whether {@code name} is, by its core, one of the names the enterprise {@code uscc} bears or bore. */
    public boolean sameEnterprise(String name, String uscc) {
        return byCore.getOrDefault(names.core(name), List.of()).stream().anyMatch(e -> e.uscc().equals(uscc));
    }

    public int size() {
        return entries.size();
    }

    public Result match(String name) {
        var parsed = names.parse(name);
        String plain = parsed.plain();
        String core = parsed.core();
        if (core.isEmpty()) {
            return new Result(null, List.of());
        }
        Map<String, Scored> best = new LinkedHashMap<>();
        for (Entry e : byCore.getOrDefault(core, List.of())) {
            keep(best, new Scored(e.uscc(), e.name(), e.plain().equals(plain) ? 1.0
                    : sameCore(parsed.regions(), e.regions())));
        }
        // pairs shared with each indexed name (by identity: a record's hash would hash every field)
        Map<Entry, int[]> shared = new IdentityHashMap<>();
        List<String> queryPairs = pairs(core);
        for (String pair : queryPairs) {
            for (Entry e : byPair.getOrDefault(pair, List.of())) {
                shared.computeIfAbsent(e, k -> new int[1])[0]++;
            }
        }
        for (var candidate : shared.entrySet()) {
            Entry e = candidate.getKey();
            // the score is at most (dice + 1) / 2: names whose shared pairs cannot reach CANDIDATE are skipped
            double diceBound = 2.0 * candidate.getValue()[0] / (queryPairs.size() + Math.max(1, e.core().length() - 1));
            if ((diceBound + 1) / 2 >= CANDIDATE && !e.core().equals(core)) {
                keep(best, new Scored(e.uscc(), e.name(), score(core, e.core())));
            }
        }
        List<Scored> ranked = best.values().stream().filter(s -> s.score() >= CANDIDATE)
                .sorted(Comparator.comparingDouble(Scored::score).reversed()).limit(MAX_CANDIDATES).toList();
        Scored top = ranked.isEmpty() ? null : ranked.getFirst();
        boolean clear = top != null && top.score() >= MATCH
                && (ranked.size() == 1 || ranked.get(1).score() < top.score() - MARGIN);
        return new Result(clear ? top : null, ranked);
    }

    /**
     * Equal cores: the regions the two names state decide how sure the match is. The same regions
     * (宁夏 and 宁夏回族自治区 are one) 0.97; one states more than the other 0.95; one states none 0.93;
     * different regions 0.88, below {@link #MATCH}: 银川市黄河枸杞 is not 吴忠市黄河枸杞.
     */
    static double sameCore(Set<String> a, Set<String> b) {
        if (a.equals(b)) {
            return a.isEmpty() ? 0.93 : 0.97;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return 0.93;
        }
        if (a.containsAll(b) || b.containsAll(a)) {
            return 0.95;
        }
        return 0.88;
    }

    /** One score per enterprise: the best of its names. */
    private static void keep(Map<String, Scored> best, Scored s) {
        best.merge(s.uscc(), s, (a, b) -> a.score() >= b.score() ? a : b);
    }

    static double score(String a, String b) {
        double dice = dice(a, b);
        int longer = Math.max(a.length(), b.length());
        double edit = longer == 0 ? 1 : 1.0 - (double) levenshtein(a, b) / longer;
        return Math.round((dice + edit) / 2 * 1000) / 1000.0;
    }

    static List<String> pairs(String s) {
        List<String> pairs = new ArrayList<>();
        if (s.length() == 1) {
            pairs.add(s);
        }
        for (int i = 0; i + 2 <= s.length(); i++) {
            pairs.add(s.substring(i, i + 2));
        }
        return pairs;
    }

    static double dice(String a, String b) {
        List<String> pa = pairs(a);
        List<String> pb = new ArrayList<>(pairs(b));
        if (pa.isEmpty() || pb.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String p : pa) {
            if (pb.remove(p)) {
                common++;
            }
        }
        return 2.0 * common / (pa.size() + pairs(b).size());
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
