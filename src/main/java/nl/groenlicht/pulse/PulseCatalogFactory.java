package nl.groenlicht.pulse;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.scan.Section;

import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads and checks the pulse seed data and the minimum of answers at start, so that a wrong one stops the start. */
@Factory
class PulseCatalogFactory {

    @Context
    PulseCatalog pulseCatalog(@Value("${groenlicht.seed-data}") String seedData,
                              @Value("${groenlicht.pulse.minimum-answers:5}") int minimumAnswers,
                              QuestionnaireCatalog questionnaires) {
        PulseLoader loader = new PulseLoader(questionnaires.current().sections().stream().map(Section::id)
                .collect(Collectors.toSet()));
        return new PulseCatalog(loader.loadAll(Path.of(seedData)), minimumAnswers);
    }
}
