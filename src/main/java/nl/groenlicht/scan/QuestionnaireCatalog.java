package nl.groenlicht.scan;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All questionnaire versions read from the seed data. New scans use the highest version. */
public final class QuestionnaireCatalog {

    private final List<Questionnaire> questionnaires;

    public QuestionnaireCatalog(List<Questionnaire> questionnaires) {
        this.questionnaires = List.copyOf(questionnaires);
    }

    public Optional<Questionnaire> find(String id, int version) {
        return questionnaires.stream().filter(q -> q.id().equals(id) && q.version() == version).findFirst();
    }

    /** Every loaded version of the questionnaire with this id, oldest first. */
    public List<Questionnaire> versionsOf(String id) {
        return questionnaires.stream().filter(q -> q.id().equals(id))
                .sorted(Comparator.comparing(Questionnaire::version)).toList();
    }

    /** The most questions any loaded version has: no scan can hold more answers than this. */
    public int mostItems() {
        return questionnaires.stream().mapToInt(Questionnaire::itemCount).max().orElse(0);
    }

    /**
     * The questionnaire a new scan uses: the highest version. The seed data holds one questionnaire id today; should
     * there be more, the first by id is used.
     */
    public Questionnaire current() {
        return questionnaires.stream()
                .sorted(Comparator.comparing(Questionnaire::id).thenComparing(Questionnaire::version, Comparator.reverseOrder()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the loader refuses an empty seed data folder"));
    }
}
