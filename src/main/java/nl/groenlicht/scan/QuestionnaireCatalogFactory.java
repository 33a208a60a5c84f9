package nl.groenlicht.scan;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;

import java.nio.file.Path;
import java.util.List;

/** Reads and checks the seed data when the application starts, so that a wrong file stops the start. */
@Factory
class QuestionnaireCatalogFactory {

    @Context
    QuestionnaireCatalog questionnaireCatalog(@Value("${groenlicht.seed-data}") String seedData,
                                              PublishedVersions publishedVersions) {
        List<LoadedQuestionnaire> loaded = new QuestionnaireLoader().loadAll(Path.of(seedData));
        loaded.forEach(publishedVersions::register);
        return new QuestionnaireCatalog(loaded.stream().map(LoadedQuestionnaire::questionnaire).toList());
    }
}
