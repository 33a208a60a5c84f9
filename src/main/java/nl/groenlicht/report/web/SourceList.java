package nl.groenlicht.report.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sources of the advice's facts and its "more information", numbered once for the whole report in the order the
 * report names them: each fact and advice then refers to a number instead of repeating a long title, and the list at
 * the end holds the titles.
 *
 * @param numbers each source's number, by its address
 */
public record SourceList(Map<String, Integer> numbers, List<Entry> entries) {

    /** {@code site}: the address's host, which a reader of the printed report can find the title on. */
    public record Entry(int number, String title, String url, String site, String checked) {
    }

    static SourceList of(List<AdviceView.Group> groups) {
        Map<String, AdviceView.SourceView> byUrl = new LinkedHashMap<>();
        groups.forEach(g -> g.advice().forEach(a -> {
            a.facts().forEach(f -> byUrl.putIfAbsent(f.url(), new AdviceView.SourceView(f.sourceTitle(), f.url(),
                    f.checked())));
            a.sources().forEach(s -> byUrl.putIfAbsent(s.url(), s));
        }));
        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (AdviceView.SourceView source : byUrl.values()) {
            entries.add(new Entry(entries.size() + 1, source.title(), source.url(), site(source.url()),
                    source.checked()));
            numbers.put(source.url(), entries.size());
        }
        return new SourceList(Map.copyOf(numbers), List.copyOf(entries));
    }

    private static String site(String url) {
        String host = URI.create(url).getHost();
        return host == null ? url : host.replaceFirst("^www\\.", "");
    }
}
