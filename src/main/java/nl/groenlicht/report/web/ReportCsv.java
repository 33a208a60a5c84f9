package nl.groenlicht.report.web;

import jakarta.inject.Singleton;
import nl.groenlicht.report.ReportData;
import nl.groenlicht.scan.AnswerOption;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scan.Section;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The answers of a scan as CSV: one row per answer, with its section, item, answer and score. */
@Singleton
class ReportCsv {

    String answers(ReportData data, Language language) {
        StringBuilder csv = new StringBuilder("section,item,question,answer,answer_label,score\r\n");
        data.questionnaire().profile().forEach(item -> row(csv, "profile", item, data, language));
        for (Section section : data.questionnaire().sections()) {
            section.items().forEach(item -> row(csv, section.id(), item, data, language));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String section, Item item, ReportData data, Language language) {
        List<String> values = data.answers().values(item.id());
        if (values.isEmpty()) {
            return;
        }
        List<AnswerOption> options = values.stream().flatMap(v -> item.option(v).stream()).toList();
        String labels = options.stream().map(o -> o.label().in(language)).collect(Collectors.joining("; "));
        Optional<Integer> score = item.scored() && options.size() == 1
                ? Optional.ofNullable(options.get(0).score()) : Optional.empty();
        csv.append(Stream.of(section, item.id(), item.text().in(language), String.join(";", values), labels,
                        score.map(String::valueOf).orElse(""))
                .map(CsvCells::cell).collect(Collectors.joining(","))).append("\r\n");
    }
}
