package nl.groenlicht.organisation;

/** Who is asking: a coach sees the organisations assigned to them, an administrator sees all. */
public record Staff(long accountId, String email, boolean admin) {
}
