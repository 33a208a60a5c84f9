package nl.groenlicht.account;

/** What a staff account may do. ADMIN manages accounts and sees all organisations; COACH sees their own. */
public enum Role {
    COACH, ADMIN
}
