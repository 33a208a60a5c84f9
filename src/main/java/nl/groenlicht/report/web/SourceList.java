package nl.groenlicht.report.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The advice's "more information" sources, numbered once for the whole report in the order the report names them:
 * each advice then refers to a number instead of repeating a long title, and the list at the end holds the titles.
 *
 * @param numbers each source's number, by its address
 */
public record SourceList(Map<String, Integer> numbers, List<Entry> entries) {

    public record Entry(int number, String title, String url, String checked) {
    }

    static SourceList of(List<AdviceView.Group> groups) {
        Map<String, AdviceView.SourceView> byUrl = new LinkedHashMap<>();
        groups.forEach(g -> g.advice().forEach(a -> a.sources().forEach(s -> byUrl.putIfAbsent(s.url(), s))));
        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (AdviceView.SourceView source : byUrl.values()) {
            entries.add(new Entry(entries.size() + 1, source.title(), source.url(), source.checked()));
            numbers.put(source.url(), entries.size());
        }
        return new SourceList(Map.copyOf(numbers), List.copyOf(entries));
    }
}
