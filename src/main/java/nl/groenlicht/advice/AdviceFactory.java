package nl.groenlicht.advice;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import nl.groenlicht.scan.QuestionnaireCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/** Reads and checks the advice catalogues at start, so that a wrong file stops the start. */
@Factory
class AdviceFactory {

    private static final Logger LOG = LoggerFactory.getLogger(AdviceFactory.class);

    @Context
    AdviceEngine adviceEngine(@Value("${groenlicht.seed-data}") String seedData, QuestionnaireCatalog questionnaires) {
        AdviceCatalogues catalogues = new AdviceLoader(questionnaires.versionsOf(questionnaires.current().id()),
                LocalDate.now(ZoneId.of("Europe/Amsterdam"))).loadAll(Path.of(seedData));
        catalogues.warnings().forEach(LOG::warn);
        return new AdviceEngine(catalogues);
    }
}
