package nl.groenlicht.advice;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import nl.groenlicht.scan.QuestionnaireCatalog;

import java.nio.file.Path;

/** Reads and checks the advice catalogue at start, so that a wrong file stops the start. */
@Factory
class AdviceFactory {

    @Context
    AdviceEngine adviceEngine(@Value("${groenlicht.seed-data}") String seedData, QuestionnaireCatalog questionnaires) {
        return new AdviceEngine(new AdviceLoader(questionnaires.current()).loadAll(Path.of(seedData)));
    }
}
