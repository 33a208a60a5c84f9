package nl.groenlicht.pulse;

import java.time.LocalDate;

/** A pulse opened for one team from a scan; {@code round} counts the team's pulses on that scan. */
public record Pulse(String id, long scanId, String team, int round, String definitionId, int definitionVersion,
                    int minimumAnswers, String linkToken, int received, LocalDate openedOn, LocalDate closedOn) {

    public boolean closed() {
        return closedOn != null;
    }
}
